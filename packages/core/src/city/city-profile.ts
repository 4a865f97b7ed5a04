// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { OrganisationId, QuartierId, Slug, ThemeId } from '../ids.js';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Names in other languages, by BCP 47 tag: `{ en: 'Public lighting' }`. */
const Translations = /* @__PURE__ */ z.optional(z.record(z.string(), z.string()));

import { GeoPoint } from '../geo.js';
export { GeoPoint } from '../geo.js';

/** A quartier of the city; `priority` marks a QPV (quartier prioritaire de la politique de la ville). */
export const Quartier = /* @__PURE__ */ z.object({
  id: QuartierId,
  name: text(120),
  priority: z.boolean(),
  qpvCode: z.optional(z.string().check(z.regex(/^QN?\d{5,7}$|^QP\d{3}\d{3}$/))),
  centre: z.optional(GeoPoint),
});
export type Quartier = z.infer<typeof Quartier>;

export const OrganisationKind = /* @__PURE__ */ z.enum(['city', 'landlord', 'association', 'partner', 'public-service', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Who can be responsible for an engagement: the Ville, the OPH, an association… */
export const Organisation = /* @__PURE__ */ z.object({
  id: OrganisationId,
  name: text(160),
  shortName: z.optional(text(40)),
  kind: OrganisationKind,
});
export type Organisation = z.infer<typeof Organisation>;

/** A theme axis: propreté, maintenance, sécurité… */
export const ThemeAxis = /* @__PURE__ */ z.object({ id: Slug, name: text(80), translations: Translations });
export type ThemeAxis = z.infer<typeof ThemeAxis>;

/** A thématique of observations and engagements, on one axis. */
export const Theme = /* @__PURE__ */ z.object({ id: ThemeId, name: text(120), axis: Slug, translations: Translations });
export type Theme = z.infer<typeof Theme>;

/** The city's defaults; every field has a value once the profile is defined. */
export const CityDefaults = /* @__PURE__ */ z.object({
  /** Length of a walk: a half-day. */
  walkDurationMinutes: z._default(z.int().check(z.gte(30), z.lte(720)), 240),
  /** Public seats of a new walk. */
  capacity: z._default(z.int().check(z.gte(1), z.lte(10000)), 25),
  /** Registrations close this many days before the walk… */
  registrationClosesDaysBefore: z._default(z.int().check(z.gte(0), z.lte(60)), 1),
  /** …at this local time (`HH:mm`). */
  registrationClosesAt: z._default(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)), '18:00'),
  /** A walk may start this many minutes before its scheduled time. */
  startEarlyMinutes: z._default(z.int().check(z.gte(0), z.lte(240)), 30),
  /** Staff may record observations of a walk up to this many hours after it. */
  observationGraceHours: z._default(z.int().check(z.gte(0), z.lte(720)), 48),
  /** An engagement is "due soon" within this many days. */
  dueSoonDays: z._default(z.int().check(z.gte(1), z.lte(365)), 14),
  /** Personal data is purged this many months after the walk. */
  purgeAfterMonths: z._default(z.int().check(z.gte(1), z.lte(120)), 12),
});
export type CityDefaults = z.infer<typeof CityDefaults>;

/** The profile a city writes, as data, to adopt GUSP: no code. */
export const CityProfile = /* @__PURE__ */ z.object({
  id: Slug,
  name: text(120),
  /** IANA time zone, e.g. `Europe/Paris`. */
  timezone: z.string().check(z.minLength(1)),
  /** Default language of texts, e.g. `fr`. */
  locale: z._default(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)), 'fr'),
  quartiers: z.array(Quartier).check(z.minLength(1)),
  organisations: z.array(Organisation).check(z.minLength(1)),
  axes: z.array(ThemeAxis).check(z.minLength(1)),
  themes: z.array(Theme).check(z.minLength(1)),
  defaults: z.prefault(CityDefaults, {}),
  /** Link to the privacy notice shown next to every consent box. */
  privacyNoticeUrl: z.optional(z.url()),
  /** Version of the consent text; recorded with each consent. */
  consentVersion: z._default(text(40), '1'),
  /** Where people write about their data. */
  contactEmail: z.optional(z.email()),
});
export type CityProfile = z.infer<typeof CityProfile>;
/** What a city writes: defaults may be left out. */
export type CityProfileInput = z.input<typeof CityProfile>;
