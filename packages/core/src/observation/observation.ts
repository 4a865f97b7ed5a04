// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { OBSERVATION_STATUSES } from './observation-status.js';
import { GeoPoint } from '../geo.js';
import { DateTime } from '../time.js';
import { EngagementId, ObservationId, OrganisationId, QuartierId, StopId, ThemeId, WalkId } from '../ids.js';
import { Consent, Phone } from '../registration/registration.js';
import { noControlCharacters } from '../text.js';

export const Polarity = /* @__PURE__ */ z.enum(['positive', 'problem']);
export type Polarity = z.infer<typeof Polarity>;

export const ObservationStatus = /* @__PURE__ */ z.enum(OBSERVATION_STATUSES);
export type ObservationStatus = z.infer<typeof ObservationStatus>;

/** Where an observation comes from: a walk, a resident on the city's site, an agent on their round. */
export const ObservationSource = /* @__PURE__ */ z.enum(['walk', 'resident', 'agent']);
export type ObservationSource = z.infer<typeof ObservationSource>;

export const Severity = /* @__PURE__ */ z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

/** A photo kept with an observation: re-encoded on the device, so without EXIF. */
export const PhotoRef = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  mediaType: /* @__PURE__ */ z.enum(['image/jpeg', 'image/webp', 'image/png']),
  /** Where it is served; used as Open311 `media_url`. */
  url: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.url()),
  width: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1600))),
  height: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1600))),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/** Optional contact of whoever reported it: personal data, never in public outputs. */
export const ReporterContact = /* @__PURE__ */ z.object({
  name: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  phone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  consent: Consent,
});
export type ReporterContact = z.infer<typeof ReporterContact>;

/** A point positif or dysfonctionnement, located by a stop, a point or words. */
export const Observation = /* @__PURE__ */ z.object({
  id: ObservationId,
  quartierId: QuartierId,
  walkId: /* @__PURE__ */ z.optional(WalkId),
  stopId: /* @__PURE__ */ z.optional(StopId),
  point: /* @__PURE__ */ z.optional(GeoPoint),
  address: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  polarity: Polarity,
  themeId: ThemeId,
  description: /* @__PURE__ */ z.string(),
  photos: /* @__PURE__ */ z.array(PhotoRef),
  source: ObservationSource,
  reporter: /* @__PURE__ */ z.optional(ReporterContact),
  status: ObservationStatus,
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
  severity: /* @__PURE__ */ z.optional(Severity),
  duplicateOf: /* @__PURE__ */ z.optional(ObservationId),
  rejectReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** The staff's answer on its last status change (qualified, duplicate, resolved): public, like the reason of a rejection. */
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  engagementId: /* @__PURE__ */ z.optional(EngagementId),
  recordedAt: DateTime,
  updatedAt: DateTime,
});
export type Observation = z.infer<typeof Observation>;

/** What the issue form, an agent or an Open311 client sends. */
export const RecordObservationInput = /* @__PURE__ */ z.object({
  quartierId: /* @__PURE__ */ z.optional(QuartierId),
  walkId: /* @__PURE__ */ z.optional(WalkId),
  stopId: /* @__PURE__ */ z.optional(StopId),
  point: /* @__PURE__ */ z.optional(GeoPoint),
  address: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(300)),
  ),
  polarity: Polarity,
  themeId: ThemeId,
  // 4,000 characters, as GeoReport v2 allows: one limit whichever way an observation comes in.
  description: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(4000)),
  photos: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(PhotoRef).check(/* @__PURE__ */ z.maxLength(3)), []),
  source: /* @__PURE__ */ z._default(ObservationSource, 'resident'),
  reporter: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.object({
      name: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(120)),
      ),
      email: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.union([
          /* @__PURE__ */ z.literal(''),
          /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(254)),
        ]),
      ),
      phone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.union([/* @__PURE__ */ z.literal(''), Phone])),
      consent: /* @__PURE__ */ z.boolean(),
    }),
  ),
});
export type RecordObservationInput = z.input<typeof RecordObservationInput>;

/** The staff's answer that goes with a status change (a response template, edited): public, 2,000 characters. */
export const TriageNote = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(2000)),
);

export const QualifyObservationInput = /* @__PURE__ */ z.object({
  organisationId: OrganisationId,
  severity: /* @__PURE__ */ z._default(Severity, 'medium'),
  note: TriageNote,
});
export type QualifyObservationInput = z.input<typeof QualifyObservationInput>;
