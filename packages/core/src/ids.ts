// SPDX-License-Identifier: EUPL-1.2
import { nanoid } from 'nanoid';
import * as z from 'zod/mini';

/** URL-safe identifiers: nanoid's alphabet, or a slug for city-defined ids. */
const idString = () => /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** A kebab-case slug such as `le-plan` (quartiers, themes, organisations). */
export const Slug = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), /* @__PURE__ */ z.maxLength(64));
export type Slug = z.infer<typeof Slug>;

export const WalkId = /* @__PURE__ */ idString().brand<'WalkId'>();
export type WalkId = z.infer<typeof WalkId>;
export const RegistrationId = /* @__PURE__ */ idString().brand<'RegistrationId'>();
export type RegistrationId = z.infer<typeof RegistrationId>;
export const ObservationId = /* @__PURE__ */ idString().brand<'ObservationId'>();
export type ObservationId = z.infer<typeof ObservationId>;
export const ReportId = /* @__PURE__ */ idString().brand<'ReportId'>();
export type ReportId = z.infer<typeof ReportId>;
export const EngagementId = /* @__PURE__ */ idString().brand<'EngagementId'>();
export type EngagementId = z.infer<typeof EngagementId>;
export const StopId = /* @__PURE__ */ idString().brand<'StopId'>();
export type StopId = z.infer<typeof StopId>;
export const QuartierId = /* @__PURE__ */ Slug.brand<'QuartierId'>();
export type QuartierId = z.infer<typeof QuartierId>;
export const ThemeId = /* @__PURE__ */ Slug.brand<'ThemeId'>();
export type ThemeId = z.infer<typeof ThemeId>;
export const OrganisationId = /* @__PURE__ */ Slug.brand<'OrganisationId'>();
export type OrganisationId = z.infer<typeof OrganisationId>;
/** A concerted project (a building's renovation, a public space…). */
export const ProjectId = /* @__PURE__ */ idString().brand<'ProjectId'>();
export type ProjectId = z.infer<typeof ProjectId>;
/** A workshop (atelier) of a concerted project. */
export const WorkshopId = /* @__PURE__ */ idString().brand<'WorkshopId'>();
export type WorkshopId = z.infer<typeof WorkshopId>;
/** What residents decided or asked in a project (a contribution). */
export const ContributionId = /* @__PURE__ */ idString().brand<'ContributionId'>();
export type ContributionId = z.infer<typeof ContributionId>;

/** A fresh random id (nanoid, 21 characters, URL-safe) of the given brand. */
export function newId<B extends string>(): string & z.$brand<B> {
  return nanoid<string & z.$brand<B>>();
}
