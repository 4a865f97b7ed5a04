// SPDX-License-Identifier: EUPL-1.2
import {
  defaultRegistrationDeadline,
  FIELD_MESSAGES,
  localTimeBefore,
  ScheduleWalkInput,
  toZonedISO,
  validate,
  walkDetailsOf,
  walkCounts,
  walkSummaryFromCounts,
  WALK_MESSAGES,
  type CityProfile,
  type FieldIssue,
  type Walk,
  type WalkSummary,
} from '@gusp/core';
import type { FormConfig } from '@gusp/elements/shared/form-controller.js';

/** One stop as typed: every field a text, the point's coordinates too (empty: no point). */
export interface StopValues {
  label: string;
  description: string;
  lat: string;
  lon: string;
}

/** What the planning form holds while a coordinator fills it in (and what its draft on the device keeps). */
export interface PlanValues {
  title: string;
  quartierId: string;
  /** Local date and time in the city's zone, as `<input type="datetime-local">` gives it (`2027-03-14T09:00`). */
  startsAt: string;
  durationMinutes: string;
  capacity: string;
  institutionalSeats: string;
  /** Local, as `startsAt`; empty: the city rule's deadline. */
  deadline: string;
  meetingPoint: string;
  stops: StopValues[];
  organiserIds: string[];
}

/** Where an error is shown: the id of its control (`starts-at`, `stop-label-2`), or `form` for the form as a whole. */
export type PlanTarget = string;

export const emptyStop = (): StopValues => ({ label: '', description: '', lat: '', lon: '' });

/** The core's texts the form shows: schema issues and the walk rules' refusals. */
export const PLAN_MESSAGES = [WALK_MESSAGES, FIELD_MESSAGES];

/** The empty form for a city: its defaults (half-day duration, capacity) written in. */
export function emptyPlan(city: CityProfile | undefined): PlanValues {
  return {
    title: '',
    quartierId: '',
    startsAt: '',
    durationMinutes: city ? String(city.defaults.walkDurationMinutes) : '',
    capacity: city ? String(city.defaults.capacity) : '',
    institutionalSeats: '',
    deadline: '',
    meetingPoint: '',
    stops: [],
    organiserIds: [],
  };
}

/** A saved draft in the form, to edit its details: a deadline the city rule gives and a meeting point that is the first stop stay empty (they follow). */
export function valuesOf(walk: Walk, city: CityProfile): PlanValues {
  const tz = city.timezone;
  const first = walk.stops[0];
  const meetingIsFirstStop = !!first && walk.meetingPoint?.label === first.label;
  return {
    title: walk.title ?? '',
    quartierId: walk.quartierId,
    startsAt: localFromZoned(walk.startsAt, tz),
    durationMinutes: String(walk.durationMinutes),
    capacity: String(walk.capacity),
    institutionalSeats: walk.institutionalSeats === undefined ? '' : String(walk.institutionalSeats),
    deadline:
      Date.parse(walk.registrationDeadline) === Date.parse(ruleDeadline(city, walk.startsAt))
        ? ''
        : localFromZoned(walk.registrationDeadline, tz),
    meetingPoint: meetingIsFirstStop ? '' : (walk.meetingPoint?.label ?? ''),
    stops: walk.stops.map((x) => ({
      label: x.label,
      description: x.description ?? '',
      lat: x.point ? String(x.point.lat) : '',
      lon: x.point ? String(x.point.lon) : '',
    })),
    organiserIds: [...walk.organiserIds],
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A local date and time of `<input type="datetime-local">` in the city's zone as an instant with
 * its offset (`2027-03-14T09:00` → `2027-03-14T09:00:00+01:00`), through the core's wall-clock
 * arithmetic; `undefined` when it is no date.
 */
export function zonedFromLocal(local: string, timeZone: string): string | undefined {
  const m = LOCAL.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  // Noon UTC falls on the same calendar day in every zone the core knows (offsets within ±11 h).
  const noon = new Date(Date.UTC(y, mo - 1, d, 12));
  if (noon.getUTCFullYear() !== y || noon.getUTCMonth() !== mo - 1 || noon.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return localTimeBefore(noon, timeZone, 0, h, mi);
}

/** An instant as the local value of `<input type="datetime-local">` in the city's zone. */
export const localFromZoned = (iso: string, timeZone: string): string => toZonedISO(iso, timeZone).slice(0, 16);

/** The registration deadline the city rule gives a start (what the server sets without one): the core's. */
export const ruleDeadline = (city: CityProfile, startsAt: string): string => defaultRegistrationDeadline(city, startsAt);

const numberOr = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

/** What the form sends (`POST /api/walks`), before the core's `ScheduleWalkInput` checks it; unparsable dates stay as typed. */
export function scheduleInputOf(v: PlanValues, city: CityProfile): ScheduleWalkInput {
  const tz = city.timezone;
  const title = v.title.trim();
  const seats = numberOr(v.institutionalSeats);
  const meeting = v.meetingPoint.trim();
  return {
    quartierId: v.quartierId,
    startsAt: zonedFromLocal(v.startsAt, tz) ?? v.startsAt,
    ...(title ? { title } : {}),
    ...(numberOr(v.durationMinutes) !== undefined ? { durationMinutes: numberOr(v.durationMinutes)! } : {}),
    ...(numberOr(v.capacity) !== undefined ? { capacity: numberOr(v.capacity)! } : {}),
    ...(seats !== undefined ? { institutionalSeats: seats } : {}),
    ...(v.deadline.trim() ? { registrationDeadline: zonedFromLocal(v.deadline, tz) ?? v.deadline } : {}),
    ...(meeting ? { meetingPoint: { label: meeting } } : {}),
    stops: v.stops.map((s) => {
      const description = s.description.trim();
      const given = s.lat.trim() !== '' || s.lon.trim() !== '';
      // One coordinate without the other is sent as it is, so the schema names the missing one.
      const point = given ? { lat: numberOr(s.lat) ?? Number.NaN, lon: numberOr(s.lon) ?? Number.NaN } : undefined;
      return { label: s.label, ...(description ? { description } : {}), ...(point ? { point } : {}) };
    }),
    organiserIds: v.organiserIds,
  };
}

const FIELD_OF: Readonly<Record<string, PlanTarget>> = {
  title: 'walk-title',
  quartierId: 'quartier',
  startsAt: 'starts-at',
  durationMinutes: 'duration',
  capacity: 'capacity',
  institutionalSeats: 'institutional-seats',
  registrationDeadline: 'deadline',
  meetingPoint: 'meeting-point',
  organiserIds: 'organisers',
};

const STOP_FIELD: Readonly<Record<string, string>> = { label: 'label', description: 'description', point: 'lat' };

/** The control a schema issue's path points at: `stops.2.point.lon` → `stop-lon-2`, `startsAt` → `starts-at`. */
export function targetOfPath(path: string): PlanTarget {
  const [head = '', index, field, sub] = path.split('.');
  if (head === 'stops') {
    if (index === undefined || !/^\d+$/.test(index)) return 'add-stop';
    const name = field === 'point' && sub === 'lon' ? 'lon' : (STOP_FIELD[field ?? ''] ?? 'label');
    return `stop-${name}-${index}`;
  }
  return FIELD_OF[head] ?? 'form';
}

/** The core's schema issues (or the server's, the same shape) each at its control. */
export const issuesAt = (issues: readonly FieldIssue[]) => issues.map((i) => ({ target: targetOfPath(i.path), message: i.message }));

/** The order of the places errors go, for the stops there are. */
export function planOrder(stops: number): PlanTarget[] {
  const each = Array.from({ length: stops }, (_, i) => [
    `stop-label-${i}`,
    `stop-description-${i}`,
    `stop-lat-${i}`,
    `stop-lon-${i}`,
  ]).flat();
  return [
    'form',
    'walk-title',
    'quartier',
    'starts-at',
    'duration',
    'capacity',
    'institutional-seats',
    'deadline',
    'meeting-point',
    'add-stop',
    ...each,
    'organisers',
  ];
}

const isStop = (s: unknown): s is StopValues =>
  typeof s === 'object' &&
  s !== null &&
  ['label', 'description', 'lat', 'lon'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string');

/** The planning form's {@linkcode FormConfig}: places (the controls' ids), where refusals go, the draft kept on the device. */
export function planFormConfig(
  empty: () => PlanValues,
  draftKey: () => string | undefined,
  stops: () => number,
): FormConfig<PlanValues, PlanTarget> {
  return {
    get order() {
      return planOrder(stops());
    },
    // Every place is its control's id.
    controlId: new Proxy({}, { get: (_, target) => (target === 'form' ? undefined : String(target)) }),
    codeTarget: {
      'walk.unknown-quartier': 'quartier',
      'walk.start-in-past': 'starts-at',
      'walk.deadline-in-past': 'deadline',
      'walk.meeting-point-required': 'meeting-point',
      'walk.capacity-required': 'capacity',
    },
    messages: PLAN_MESSAGES,
    empty,
    draftKey,
    valid: {
      stops: (v) => Array.isArray(v) && v.every(isStop),
      organiserIds: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
    },
    notKept: {},
  };
}

/**
 * What residents will see: the walk as `<gusp-walk-signup>` shows it once published (status
 * `open`, no sign-up yet), from the form's input or a saved walk, through the core's own summary.
 */
export function previewOf(walk: Walk, now: Date): WalkSummary {
  const shown: Walk = walk.status === 'draft' ? { ...walk, status: 'open' } : walk;
  return walkSummaryFromCounts(shown, walkCounts({ walk: shown, registrations: [] }), now);
}

/**
 * A walk as the form would schedule it, for the preview: the core's own `walkDetailsOf` (the city's
 * defaults, the first stop as meeting point) over the input, its stops still unnamed left out;
 * `undefined` while the input is not one the core would schedule.
 */
export function walkOfInput(input: ScheduleWalkInput, city: CityProfile, now: Date): Walk | undefined {
  const named = { ...input, stops: (input.stops ?? []).filter((s) => s.label.trim() !== '') };
  const parsed = validate(ScheduleWalkInput, named);
  if (!parsed.ok) return undefined;
  const at = toZonedISO(now, city.timezone);
  return { id: 'preview', ...walkDetailsOf(parsed.value, city), status: 'draft', sequence: 0, createdAt: at, updatedAt: at } as Walk;
}
