// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { GeoPoint } from '../geo.js';
import { DateTime } from '../time.js';
import { EngagementId, ObservationId, OrganisationId, QuartierId, StopId, ThemeId, WalkId } from '../ids.js';
import { Consent, Phone } from '../registration/registration.js';

export const Polarity = /* @__PURE__ */ z.enum(['positive', 'problem']);
export type Polarity = z.infer<typeof Polarity>;

export const ObservationStatus = /* @__PURE__ */ z.enum(['recorded', 'qualified', 'duplicate', 'rejected', 'committed', 'resolved']);
export type ObservationStatus = z.infer<typeof ObservationStatus>;

/** Where an observation comes from: a walk, a resident on the city's site, an agent on their round. */
export const ObservationSource = /* @__PURE__ */ z.enum(['walk', 'resident', 'agent']);
export type ObservationSource = z.infer<typeof ObservationSource>;

export const Severity = /* @__PURE__ */ z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

/** A photo kept with an observation: re-encoded on the device, so without EXIF. */
export const PhotoRef = /* @__PURE__ */ z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  mediaType: z.enum(['image/jpeg', 'image/webp', 'image/png']),
  /** Where it is served; used as Open311 `media_url`. */
  url: z.optional(z.url()),
  width: z.optional(z.int().check(z.gte(1), z.lte(1600))),
  height: z.optional(z.int().check(z.gte(1), z.lte(1600))),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/** Optional contact of whoever reported it: personal data, never in public outputs. */
export const ReporterContact = /* @__PURE__ */ z.object({
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  consent: Consent,
});
export type ReporterContact = z.infer<typeof ReporterContact>;

/** A point positif or dysfonctionnement, located by a stop, a point or words. */
export const Observation = /* @__PURE__ */ z.object({
  id: ObservationId,
  quartierId: QuartierId,
  walkId: z.optional(WalkId),
  stopId: z.optional(StopId),
  point: z.optional(GeoPoint),
  address: z.optional(z.string()),
  polarity: Polarity,
  themeId: ThemeId,
  description: z.string(),
  photos: z.array(PhotoRef),
  source: ObservationSource,
  reporter: z.optional(ReporterContact),
  status: ObservationStatus,
  organisationId: z.optional(OrganisationId),
  severity: z.optional(Severity),
  duplicateOf: z.optional(ObservationId),
  rejectReason: z.optional(z.string()),
  engagementId: z.optional(EngagementId),
  recordedAt: DateTime,
  updatedAt: DateTime,
});
export type Observation = z.infer<typeof Observation>;

/** What the issue form, an agent or an Open311 client sends. */
export const RecordObservationInput = /* @__PURE__ */ z.object({
  quartierId: z.optional(QuartierId),
  walkId: z.optional(WalkId),
  stopId: z.optional(StopId),
  point: z.optional(GeoPoint),
  address: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  polarity: Polarity,
  themeId: ThemeId,
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  photos: z._default(z.array(PhotoRef).check(z.maxLength(3)), []),
  source: z._default(ObservationSource, 'resident'),
  reporter: z.optional(
    z.object({
      name: z.optional(z.string().check(z.trim(), z.maxLength(120))),
      email: z.optional(z.union([z.literal(''), z.email().check(z.trim(), z.maxLength(254))])),
      phone: z.optional(z.union([z.literal(''), Phone])),
      consent: z.boolean(),
    }),
  ),
});
export type RecordObservationInput = z.input<typeof RecordObservationInput>;

export const QualifyObservationInput = /* @__PURE__ */ z.object({ organisationId: OrganisationId, severity: z._default(Severity, 'medium') });
export type QualifyObservationInput = z.input<typeof QualifyObservationInput>;
