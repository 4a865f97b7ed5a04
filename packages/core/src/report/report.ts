// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { REPORT_STATUSES } from './report-status.js';
import { ActorRole } from '../actor.js';
import { CalendarDay, DateTime } from '../time.js';
import { EngagementStatus } from '../engagement/engagement.js';
import { EngagementId, ObservationId, OrganisationId, ReportId, StopId, ThemeId, WalkId } from '../ids.js';
import { noControlCharacters } from '../text.js';

export const ReportStatus = /* @__PURE__ */ z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

const Count = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0));

/** A point raised during the walk, as the report quotes it (no personal data). */
export const ReportPoint = /* @__PURE__ */ z.object({
  observationId: ObservationId,
  themeId: ThemeId,
  stopId: /* @__PURE__ */ z.optional(StopId),
  description: /* @__PURE__ */ z.string(),
  place: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type ReportPoint = z.infer<typeof ReportPoint>;

/** The longest texts of the editor: an introduction or « la suite », and a stop's or the positive points' text. */
export const REPORT_TEXT_MAX = 8000;
export const REPORT_NOTE_MAX = 4000;
/** At most this many photos in a report (it is mailed and printed). */
export const REPORT_PHOTOS_MAX = 12;

/** A photo of one of the walk's observations the coordinator chose for the report, with its text alternative. */
export const ReportPhoto = /* @__PURE__ */ z.object({
  photoId: /* @__PURE__ */ z.string(),
  observationId: ObservationId,
  alt: /* @__PURE__ */ z.string(),
});
export type ReportPhoto = z.infer<typeof ReportPhoto>;

/** The coordinator's text about one stop of the route. */
export const ReportStopNote = /* @__PURE__ */ z.object({ stopId: StopId, text: /* @__PURE__ */ z.string() });
export type ReportStopNote = z.infer<typeof ReportStopNote>;

/**
 * The compte-rendu of a walk: generated from the walk (participants by role,
 * observations by stop and theme, positive points, proposed engagements),
 * then validated and shared with every participant. Anonymous by construction.
 */
export const Report = /* @__PURE__ */ z.object({
  id: ReportId,
  walkId: WalkId,
  status: ReportStatus,
  summary: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(20000))),
  /** The coordinator's words, kept when the draft is generated again: an introduction, a text per stop, the positive points, « la suite ». */
  introduction: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  stopNotes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(ReportStopNote)),
  positivesNote: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  nextSteps: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Photos chosen among the walk's observations' (public) photos. */
  photos: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(ReportPhoto)),
  participants: /* @__PURE__ */ z.record(ActorRole, Count),
  participantsTotal: Count,
  byStop: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      stopId: /* @__PURE__ */ z.optional(StopId),
      label: /* @__PURE__ */ z.string(),
      positive: Count,
      problem: Count,
    }),
  ),
  byTheme: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ themeId: ThemeId, positive: Count, problem: Count })),
  positives: /* @__PURE__ */ z.array(ReportPoint),
  problems: /* @__PURE__ */ z.array(ReportPoint),
  engagements: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      engagementId: EngagementId,
      title: /* @__PURE__ */ z.string(),
      organisationId: /* @__PURE__ */ z.optional(OrganisationId),
      dueOn: /* @__PURE__ */ z.optional(CalendarDay),
      status: EngagementStatus,
    }),
  ),
  generatedAt: DateTime,
  validatedAt: /* @__PURE__ */ z.optional(DateTime),
  sharedOn: /* @__PURE__ */ z.optional(CalendarDay),
});
export type Report = z.infer<typeof Report>;

export const ValidateReportInput = /* @__PURE__ */ z.object({
  summary: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(noControlCharacters, /* @__PURE__ */ z.maxLength(20000))),
});
export const ShareReportInput = /* @__PURE__ */ z.object({ sharedOn: /* @__PURE__ */ z.optional(CalendarDay) });

const text = (max: number) =>
  /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(max)),
  );

/**
 * What the editor sends (`gusp.reports.edit`): each field given replaces the report's (an empty
 * text removes it), a field left out stays as it was. Stops and photos are checked against the
 * walk: an unknown stop or a photo that is not one of its observations' is refused.
 */
export const EditReportInput = /* @__PURE__ */ z.object({
  introduction: text(REPORT_TEXT_MAX),
  stops: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z
      .array(
        /* @__PURE__ */ z.object({
          stopId: StopId,
          text: /* @__PURE__ */ z
            .string()
            .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(REPORT_NOTE_MAX)),
        }),
      )
      .check(/* @__PURE__ */ z.maxLength(100)),
  ),
  positives: text(REPORT_NOTE_MAX),
  next: text(REPORT_TEXT_MAX),
  photos: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z
      .array(
        /* @__PURE__ */ z.object({
          photoId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
          alt: text(300),
        }),
      )
      .check(/* @__PURE__ */ z.maxLength(REPORT_PHOTOS_MAX)),
  ),
});
export type EditReportInput = z.input<typeof EditReportInput>;
