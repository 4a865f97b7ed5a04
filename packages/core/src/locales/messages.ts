// SPDX-License-Identifier: EUPL-1.2
/**
 * The built-in messages of each domain in every language. A module that
 * speaks looks its texts up in the domains it needs (through
 * {@linkcode errorMessageIn} / {@linkcode labelIn}), so a browser bundle of a
 * sign-up form carries validation, role and registration texts, not CSV or
 * Open311 ones. `errorMessage` and `label` look in every domain.
 */
import * as en from './en.js';
import * as fr from './fr.js';
import type { Messages } from './types.js';

export const FIELD_MESSAGES: Messages = { fr: fr.fields, en: en.fields };
export const CITY_MESSAGES: Messages = { fr: fr.city, en: en.city };
export const ROLE_MESSAGES: Messages = { fr: fr.roles, en: en.roles };
export const WALK_MESSAGES: Messages = { fr: fr.walk, en: en.walk };
export const REGISTRATION_MESSAGES: Messages = { fr: fr.registration, en: en.registration };
export const OBSERVATION_MESSAGES: Messages = { fr: fr.observation, en: en.observation };
export const REPORT_MESSAGES: Messages = { fr: fr.report, en: en.report };
export const ENGAGEMENT_MESSAGES: Messages = { fr: fr.engagement, en: en.engagement };
/** Triage's and the engagements' steps, and the verification page's: staff-side errors the public elements leave out. */
export const FOLLOW_UP_MESSAGES: Messages = { fr: fr.followUp, en: en.followUp };
export const STORE_MESSAGES: Messages = { fr: fr.store, en: en.store };
export const CSV_MESSAGES: Messages = { fr: fr.csv, en: en.csv };
export const OPEN311_MESSAGES: Messages = { fr: fr.open311, en: en.open311 };
export const ICAL_MESSAGES: Messages = { fr: fr.ical, en: en.ical };

/*
 * Each domain's English texts alone, for a browser bundle that carries French
 * only and loads English when a page asks for it (then passes them to
 * `addMessages('en', …)`): a module importing one of these reaches the English
 * texts of that domain, not the others'.
 */
export {
  fields as FIELD_MESSAGES_EN,
  roles as ROLE_MESSAGES_EN,
  walk as WALK_MESSAGES_EN,
  registration as REGISTRATION_MESSAGES_EN,
  observation as OBSERVATION_MESSAGES_EN,
  engagement as ENGAGEMENT_MESSAGES_EN,
} from './en.js';
