// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { GeoPoint } from '../geo.js';
import { OrganisationId, ProjectId, QuartierId } from '../ids.js';
import { noControlCharacters } from '../text.js';
import { CalendarDay, DateTime } from '../time.js';
import { PHASE_KINDS, PROJECT_KINDS, PROJECT_STATUSES } from './project-status.js';

const text = (max: number) =>
  /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(max));
const optionalText = (max: number) =>
  /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(max)),
  );

export const ProjectStatus = /* @__PURE__ */ z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export const PhaseKind = /* @__PURE__ */ z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof PhaseKind>;
export const ProjectKind = /* @__PURE__ */ z.enum(PROJECT_KINDS);
export type ProjectKind = z.infer<typeof ProjectKind>;

/**
 * One phase of a project (diagnostic, concertation, works, delivery, evaluation), with the days
 * it was planned for and the days it really began and ended (calendar days in the city's time zone).
 */
export const Phase = /* @__PURE__ */ z.object({
  kind: PhaseKind,
  plannedStart: /* @__PURE__ */ z.optional(CalendarDay),
  plannedEnd: /* @__PURE__ */ z.optional(CalendarDay),
  actualStart: /* @__PURE__ */ z.optional(CalendarDay),
  actualEnd: /* @__PURE__ */ z.optional(CalendarDay),
  /** A public word on the phase: « Les habitants choisissent les couleurs des halls ». */
  note: optionalText(1000),
});
export type Phase = z.infer<typeof Phase>;

/** Where a project is: in words always (« Immeuble Les Bleuets »), with an address and a point when known. */
export const ProjectSite = /* @__PURE__ */ z.object({
  label: text(200),
  address: optionalText(300),
  point: /* @__PURE__ */ z.optional(GeoPoint),
});
export type ProjectSite = z.infer<typeof ProjectSite>;

/**
 * A concerted project in a quartier (the seed's Les Bleuets): a renovation or a public space,
 * done with its residents through workshops. Every field is public (no personal data).
 */
export const Project = /* @__PURE__ */ z.object({
  id: ProjectId,
  quartierId: QuartierId,
  title: text(200),
  kind: ProjectKind,
  site: ProjectSite,
  /** The landlord (bailleur) or owner responsible: an organisation of the city profile. */
  landlordId: OrganisationId,
  /** The partners (Compagnons bâtisseurs, Ville…): organisations of the city profile. */
  partnerIds: /* @__PURE__ */ z.array(OrganisationId),
  /** What the project is, for everyone (public text). */
  description: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(5000)),
  /** The phases set so far, in {@linkcode PHASE_KINDS} order, each kind at most once. */
  phases: /* @__PURE__ */ z.array(Phase),
  status: ProjectStatus,
  /** While `suspended`: the status it resumes to. */
  suspendedFrom: /* @__PURE__ */ z.optional(ProjectStatus),
  /** Why it is `suspended` or `abandoned` (public). */
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Project = z.infer<typeof Project>;

/** What a coordinator gives to create a project (a draft). */
export const CreateProjectInput = /* @__PURE__ */ z.object({
  quartierId: QuartierId,
  title: text(200),
  kind: /* @__PURE__ */ z._default(ProjectKind, 'building-renovation'),
  site: ProjectSite,
  landlordId: OrganisationId,
  partnerIds: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(OrganisationId).check(/* @__PURE__ */ z.maxLength(20)), []),
  description: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(5000)),
    '',
  ),
  /** Phases planned from the start (at most one per kind). */
  phases: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(Phase).check(/* @__PURE__ */ z.maxLength(PHASE_KINDS.length)), []),
});
export type CreateProjectInput = z.input<typeof CreateProjectInput>;

/** A project's details set again: each field given replaces the project's; absent ones stay. Any status but abandoned. */
export const EditProjectInput = /* @__PURE__ */ z.object({
  quartierId: /* @__PURE__ */ z.optional(QuartierId),
  title: /* @__PURE__ */ z.optional(text(200)),
  kind: /* @__PURE__ */ z.optional(ProjectKind),
  site: /* @__PURE__ */ z.optional(ProjectSite),
  landlordId: /* @__PURE__ */ z.optional(OrganisationId),
  partnerIds: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(OrganisationId).check(/* @__PURE__ */ z.maxLength(20))),
  description: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(5000)),
  ),
});
export type EditProjectInput = z.input<typeof EditProjectInput>;

/**
 * One phase's planned and actual days (and note), replacing what the project had for that kind.
 * A start after its end is refused with `project.phase-dates`.
 */
export const SetPhaseInput = Phase;
export type SetPhaseInput = z.input<typeof SetPhaseInput>;

/** The project's fields the public page shows (all of them but the times of record). */
export type PublicProject = Omit<Project, 'createdAt' | 'updatedAt'>;
