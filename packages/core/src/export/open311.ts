// SPDX-License-Identifier: EUPL-1.2
/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the city's
 * themes are its services, problem observations its service requests. The
 * GET mappings are public: no reporter contact ever. Field names, `null` for
 * unknown values and the error list follow the specification.
 */
import { TZDate } from '@date-fns/tz';
import type * as z from 'zod/mini';
import type { CityProfile, GeoPoint } from '../city/city-profile.js';
import { findAxis, findOrganisation, findQuartier, findTheme, localName } from '../city/lookup.js';
import { toZonedISO } from '../dates.js';
import type { Engagement, Milestone } from '../engagement/engagement.js';
import type { StoredEvent } from '../events.js';
import { guspError, label } from '../i18n.js';
import { RecordObservationInput, type Observation, type ObservationStatus, type PhotoRef } from '../observation/observation.js';
import { err, type GuspError, type Result } from '../result.js';
import { validate, type FieldIssue } from '../validation.js';
import type { Walk } from '../walk/walk.js';
import { labelOr, locate, photoUrl, walksById } from './shared.js';

/** One service of `GET services.json`: a theme of the city. */
export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: false;
  readonly type: 'realtime';
  /** Comma-separated. */
  readonly keywords: string;
  readonly group: string;
}

/** One service request of `GET requests.json`: a problem observation. */
export interface Open311ServiceRequest {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes: string | null;
  readonly service_name: string | null;
  readonly service_code: string;
  readonly description: string | null;
  readonly agency_responsible: string | null;
  readonly service_notice: string | null;
  readonly requested_datetime: string;
  readonly updated_datetime: string | null;
  readonly expected_datetime: string | null;
  readonly address: string | null;
  readonly address_id: string | null;
  readonly zipcode: string | null;
  readonly lat: number | null;
  readonly long: number | null;
  readonly media_url: string | null;
}

/** The fields of a GeoReport v2 service request, in the specification's order. */
export const OPEN311_SERVICE_REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
] as const satisfies readonly (keyof Open311ServiceRequest)[];

/** Open311 has two states: a request is closed once resolved, rejected or found a duplicate. */
export const OPEN311_STATUS: Readonly<Record<ObservationStatus, 'open' | 'closed'>> = {
  recorded: 'open',
  qualified: 'open',
  committed: 'open',
  resolved: 'closed',
  rejected: 'closed',
  duplicate: 'closed',
};

/** One entry of a GeoReport v2 error response. */
export interface Open311Error {
  /** An HTTP status: 400, 403, 404… */
  readonly code: number;
  readonly description: string;
}

/** The body of a `POST requests.json` response. */
export interface Open311PostResponse {
  readonly service_request_id: string;
  readonly service_notice: string | null;
  readonly account_id: string | null;
}

/** The specification token of GeoReport v2 in a discovery document. */
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The MIME types GUSP serves GeoReport v2 in (XML is the required one). */
export const OPEN311_FORMATS = ['text/xml', 'application/json'] as const;

/** One endpoint of a Service Discovery document (https://wiki.open311.org/Service_Discovery). */
export interface Open311Endpoint {
  readonly specification: string;
  readonly url: string;
  readonly changeset: string;
  readonly type: 'production' | 'test';
  readonly formats: readonly string[];
}

/** The Service Discovery document, `GET discovery.json`: every field is required. */
export interface Open311Discovery {
  readonly changeset: string;
  readonly contact: string;
  readonly key_service: string;
  readonly endpoints: readonly Open311Endpoint[];
}

/**
 * One update of `GET servicerequestupdates.json`, mySociety's extension that
 * FixMyStreet pulls (https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Proposed-differences-to-Open311):
 * a status change of a service request, with the request's status after it.
 */
export interface Open311RequestUpdate {
  readonly update_id: string;
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly updated_datetime: string;
  readonly description: string;
  readonly media_url: string | null;
}

/** The fields of a request update, in the extension's order. */
export const OPEN311_REQUEST_UPDATE_FIELDS = [
  'update_id',
  'service_request_id',
  'status',
  'updated_datetime',
  'description',
  'media_url',
] as const satisfies readonly (keyof Open311RequestUpdate)[];

export interface Open311Options {
  /** Language of names and notes; the city's by default. */
  readonly locale?: string;
  /** Base URL of photos that have no `url` of their own. */
  readonly baseMediaUrl?: string;
}

export interface Open311RequestOptions extends Open311Options {
  /** The engagement the observation is committed to: `expected_datetime` is its due day. */
  readonly engagement?: Engagement;
  /** The observation's walk: a stop's point and label locate an observation that has neither point nor address. */
  readonly walk?: Walk;
}

export interface Open311RequestsOptions extends Open311Options {
  /** Engagements, matched by `observation.engagementId` or their `observationIds`. */
  readonly engagements?: readonly Engagement[];
  readonly walks?: readonly Walk[];
}

/* ------------------------------------------------------------------ GET services.json */

const keyword = (text: string): string => text.replace(/,/g, ' ').trim();

/** The city's themes as GeoReport v2 services, grouped by axis. */
export function toOpen311Services(city: CityProfile, locale?: string): Open311Service[] {
  const lang = locale ?? city.locale;
  return city.themes.map((theme) => {
    const axis = findAxis(city, theme.axis);
    const group = axis ? localName(axis, lang) : theme.axis;
    const name = localName(theme, lang);
    const keywords = [...new Set([name, theme.name, ...Object.values(theme.translations ?? {}), group].map(keyword))];
    return {
      service_code: theme.id,
      service_name: name,
      description: `${group} – ${name}`,
      metadata: false,
      type: 'realtime',
      keywords: keywords.join(','),
      group,
    };
  });
}

/* ------------------------------------------------------------------ GET requests.json */

/** The end of a calendar day in the city's time zone: `2026-06-30T23:59:59+02:00`. */
function endOfDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return toZonedISO(new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, 23, 59, 59, timeZone), timeZone);
}

function statusNotes(observation: Observation, engagement: Engagement | undefined, locale: string): string {
  const colon = label('format.colon', locale);
  const status = label(`observation.status.${observation.status}`, locale);
  switch (observation.status) {
    case 'rejected':
      return observation.rejectReason?.trim() ? `${status}${colon}${observation.rejectReason.trim()}` : status;
    case 'duplicate':
      return observation.duplicateOf ? `${label('open311.duplicateOf', locale)} ${observation.duplicateOf}` : status;
    case 'committed':
    case 'resolved': {
      if (!engagement) return status;
      const key = `engagement.status.${engagement.status}`;
      const percent = `${engagement.progress}${label('format.percent', locale)}`;
      const state = `${labelOr(label(key, locale), key, engagement.status)}, ${label('open311.progress', locale)} ${percent}`;
      return `${status}${colon}${engagement.title} (${state})`;
    }
    default:
      return status;
  }
}

/**
 * A problem observation as a GeoReport v2 service request. `expected_datetime`
 * is the end of the engagement's due day in the city's time zone; dates carry
 * the city's offset. No reporter contact, ever.
 */
export function toOpen311Request(observation: Observation, city: CityProfile, options: Open311RequestOptions = {}): Open311ServiceRequest {
  return request(observation, city, options, options.engagement, walksById(options.walk ? [options.walk] : []));
}

function request(
  observation: Observation,
  city: CityProfile,
  options: Open311Options,
  engagement: Engagement | undefined,
  walks: ReadonlyMap<string, Walk>,
): Open311ServiceRequest {
  const locale = options.locale ?? city.locale;
  const theme = findTheme(city, observation.themeId);
  const where = locate(observation, walks);
  const agency = findOrganisation(city, observation.organisationId) ?? findOrganisation(city, engagement?.organisationId);
  const media = observation.photos.map((p) => photoUrl(p, options.baseMediaUrl)).find((url) => url !== undefined);
  return {
    service_request_id: observation.id,
    status: OPEN311_STATUS[observation.status],
    status_notes: statusNotes(observation, engagement, locale),
    service_name: theme ? localName(theme, locale) : null,
    service_code: observation.themeId,
    description: observation.description.trim() === '' ? null : observation.description,
    agency_responsible: agency?.name ?? null,
    service_notice: null,
    requested_datetime: toZonedISO(observation.recordedAt, city.timezone),
    updated_datetime: toZonedISO(observation.updatedAt, city.timezone),
    expected_datetime: engagement?.dueOn ? endOfDay(engagement.dueOn, city.timezone) : null,
    address: observation.address?.trim() || where.stop?.label || null,
    address_id: null,
    zipcode: null,
    lat: where.point?.lat ?? null,
    long: where.point?.lon ?? null,
    media_url: media ?? null,
  };
}

/** The problem observations among `observations`, as GeoReport v2 service requests. */
export function toOpen311Requests(
  observations: readonly Observation[],
  city: CityProfile,
  options: Open311RequestsOptions = {},
): Open311ServiceRequest[] {
  const engagements = options.engagements ?? [];
  const byId = new Map(engagements.map((e) => [e.id, e]));
  const walks = walksById(options.walks);
  return observations
    .filter((o) => o.polarity === 'problem')
    .map((o) => request(o, city, options, matchedEngagement(o, byId, engagements), walks));
}

/** The response to `POST requests.json` once the observation is recorded. */
export const toOpen311PostResponse = (observation: Observation): Open311PostResponse[] => [
  { service_request_id: observation.id, service_notice: null, account_id: null },
];

/* ------------------------------------------------------------------ GET discovery.json */

export interface Open311DiscoveryOptions {
  /** The GeoReport v2 endpoint, as clients reach it: `https://gusp.valence.fr/open311/v2`. */
  readonly url: string;
  /**
   * Sortable, and changed whenever the services may have changed: clients refresh what they
   * cached (services, definitions) when it moves. A W3C date-time is what the spec's examples use.
   */
  readonly changeset: string;
  /** `test` for demonstration data nobody acts upon; `production` by default. */
  readonly type?: 'production' | 'test';
  readonly locale?: string;
}

/**
 * The Service Discovery document of a GUSP server: one GeoReport v2 endpoint in XML and
 * JSON. `contact` names the city and its contact address when the profile has one; no API
 * key is needed (`key_service` says so).
 */
export function toOpen311Discovery(city: CityProfile, options: Open311DiscoveryOptions): Open311Discovery {
  const lang = options.locale ?? city.locale;
  const colon = label('format.colon', lang);
  return {
    changeset: options.changeset,
    contact: `${city.name}${colon}${city.contactEmail ?? options.url}`,
    key_service: label('open311.keyService', lang),
    endpoints: [
      {
        specification: GEOREPORT_V2_SPECIFICATION,
        url: options.url,
        changeset: options.changeset,
        type: options.type ?? 'production',
        formats: [...OPEN311_FORMATS],
      },
    ],
  };
}

/* ------------------------------------------------------------------ GET servicerequestupdates.json */

/** The status an observation event leaves its observation in; events that change none are absent. */
const STATUS_AFTER: Readonly<Partial<Record<StoredEvent['type'], ObservationStatus>>> = {
  ObservationRecorded: 'recorded',
  ObservationQualified: 'qualified',
  ObservationMarkedDuplicate: 'duplicate',
  ObservationRejected: 'rejected',
  ObservationCommitted: 'committed',
  ObservationResolved: 'resolved',
};

/** How each milestone of an engagement is said: its state's label where it has one. */
const MILESTONE_LABEL: Readonly<Record<Exclude<Milestone['kind'], 'proposed'>, string>> = {
  accepted: 'engagement.status.accepted',
  started: 'engagement.status.in-progress',
  progressed: 'open311.progress',
  completed: 'engagement.status.done',
  verified: 'engagement.status.verified',
  reopened: 'open311.reopened',
  abandoned: 'engagement.status.abandoned',
  rescheduled: 'open311.rescheduled',
};

export interface Open311RequestUpdatesOptions extends Open311Options {
  /** Engagements, matched to observations as in {@linkcode toOpen311Requests}: their milestones are updates too. */
  readonly engagements?: readonly Engagement[];
}

function observationUpdateText(event: StoredEvent, engagements: ReadonlyMap<string, Engagement>, city: CityProfile, lang: string): string {
  const colon = label('format.colon', lang);
  const status = STATUS_AFTER[event.type] as ObservationStatus;
  const said = label(`observation.status.${status}`, lang);
  switch (event.type) {
    case 'ObservationQualified': {
      const organisation = findOrganisation(city, event.data.organisationId);
      return organisation ? `${said}${colon}${organisation.name}` : said;
    }
    case 'ObservationMarkedDuplicate':
      return `${label('open311.duplicateOf', lang)} ${event.data.of}`;
    case 'ObservationRejected':
      return event.data.reason.trim() ? `${said}${colon}${event.data.reason.trim()}` : said;
    case 'ObservationCommitted': {
      const engagement = engagements.get(event.data.engagementId);
      return engagement ? `${said}${colon}${engagement.title}` : said;
    }
    default:
      return said;
  }
}

function milestoneText(engagement: Engagement, milestone: Milestone, kind: keyof typeof MILESTONE_LABEL, lang: string): string {
  const colon = label('format.colon', lang);
  let text = `${engagement.title}${colon}${label(MILESTONE_LABEL[kind], lang)}`;
  if (milestone.percent !== undefined) text += ` ${milestone.percent}${label('format.percent', lang)}`;
  if (milestone.dueOn !== undefined) text += `, ${label('open311.dueOn', lang)} ${milestone.dueOn}`;
  if (milestone.note?.trim()) text += `. ${milestone.note.trim()}`;
  return text;
}

/** A request update with what orders it among others (see {@linkcode compareOpen311Updates}). */
export interface OrderedOpen311Update {
  readonly update: Open311RequestUpdate;
  /** When, to the millisecond (`updated_datetime` is to the second). */
  readonly t: number;
  /** At one instant, an engagement's milestone (0) comes before the change it causes (1). */
  readonly rank: 0 | 1;
}

/** Oldest first; at one instant milestones before status changes, then by `update_id` (code units). */
export const compareOpen311Updates = (a: OrderedOpen311Update, b: OrderedOpen311Update): number =>
  a.t - b.t || a.rank - b.rank || (a.update.update_id < b.update.update_id ? -1 : a.update.update_id > b.update.update_id ? 1 : 0);

export interface Open311ObservationUpdatesOptions extends Open311Options {
  /** The engagement the observation is matched to (as {@linkcode toOpen311Requests} matches): its milestones are updates too. */
  readonly engagement?: Engagement | undefined;
  /** Engagements its `ObservationCommitted` events name, for their titles. */
  readonly engagements?: ReadonlyMap<string, Engagement>;
}

/**
 * The request updates of one problem observation (see {@linkcode toOpen311RequestUpdates}):
 * one per status change among `events` (its stream's, in version order) and one per milestone
 * of `options.engagement`, in {@linkcode compareOpen311Updates} order. None for a positive point.
 */
export function toOpen311ObservationUpdates(
  observation: Observation,
  events: readonly StoredEvent[],
  city: CityProfile,
  options: Open311ObservationUpdatesOptions = {},
): OrderedOpen311Update[] {
  if (observation.polarity !== 'problem') return [];
  const lang = options.locale ?? city.locale;
  const id = observation.id;
  const at = (iso: string) => toZonedISO(iso, city.timezone);
  const engagements = options.engagements ?? new Map<string, Engagement>();
  /** The request's statuses over time, to tell the status right after an engagement's milestone. */
  const timeline: { t: number; status: ObservationStatus }[] = [];
  const updates: OrderedOpen311Update[] = [];
  for (const event of events) {
    const status = STATUS_AFTER[event.type];
    if (status === undefined) continue;
    const t = Date.parse(event.at);
    timeline.push({ t, status });
    if (event.type === 'ObservationRecorded') continue;
    updates.push({
      update: {
        update_id: `${id}.${event.version}`,
        service_request_id: id,
        status: OPEN311_STATUS[status],
        updated_datetime: at(event.at),
        description: observationUpdateText(event, engagements, city, lang),
        media_url: null,
      },
      t,
      rank: 1,
    });
  }
  const engagement = options.engagement;
  engagement?.milestones.forEach((milestone, index) => {
    if (milestone.kind === 'proposed') return;
    const t = Date.parse(milestone.at);
    const then = timeline.filter((s) => s.t <= t).at(-1)?.status ?? observation.status;
    updates.push({
      update: {
        update_id: `${engagement.id}.${index}.${id}`,
        service_request_id: id,
        status: OPEN311_STATUS[then],
        updated_datetime: at(milestone.at),
        description: milestoneText(engagement, milestone, milestone.kind, lang),
        media_url: null,
      },
      t,
      rank: 0,
    });
  });
  return updates.sort(compareOpen311Updates);
}

/**
 * The engagement an observation is matched to, among `engagements` (in their order): the one
 * it is committed to, else the first that lists it.
 */
export function matchedEngagement(
  observation: Observation,
  byId: ReadonlyMap<string, Engagement>,
  engagements: readonly Engagement[],
): Engagement | undefined {
  return (
    (observation.engagementId ? byId.get(observation.engagementId) : undefined) ??
    engagements.find((e) => e.observationIds.includes(observation.id))
  );
}

/**
 * The status changes of the problem observations, as request updates (mySociety's
 * extension): one per change in the journal `events` (the observation streams'; others are
 * ignored) — qualified, duplicate, rejected, committed, resolved — and one per milestone of
 * the engagement an observation is committed to (accepted, started, progress, done,
 * verified, reopened, abandoned, rescheduled). `status` is the request's Open311 status
 * right after the change, `update_id` is stable (`<observation id>.<event version>`, or
 * `<engagement id>.<milestone index>.<observation id>`), oldest first. The texts are
 * public ones: a reason or note staff wrote, never the reporter's contact.
 */
export function toOpen311RequestUpdates(
  events: readonly StoredEvent[],
  observations: readonly Observation[],
  city: CityProfile,
  options: Open311RequestUpdatesOptions = {},
): Open311RequestUpdate[] {
  const engagements = options.engagements ?? [];
  const engagementById = new Map(engagements.map((e) => [e.id as string, e]));
  const streams = new Map<string, StoredEvent[]>();
  for (const event of [...events].sort((a, b) => a.position - b.position)) {
    if (!event.stream.startsWith('observation-')) continue;
    const id = event.stream.slice('observation-'.length);
    const list = streams.get(id);
    if (list) list.push(event);
    else streams.set(id, [event]);
  }
  const base = { ...(options.locale === undefined ? {} : { locale: options.locale }), engagements: engagementById };
  return observations
    .flatMap((o) =>
      toOpen311ObservationUpdates(o, streams.get(o.id) ?? [], city, {
        ...base,
        engagement: matchedEngagement(o, engagementById, engagements),
      }),
    )
    .sort(compareOpen311Updates)
    .map((u) => u.update);
}

/* ------------------------------------------------------------------ POST requests.json */

/** What {@linkcode fromOpen311Request} gives: a checked `RecordObservationInput`. */
export type Open311Submission = z.output<typeof RecordObservationInput>;

/** Our field paths, as the Open311 fields they come from. */
const OPEN311_FIELD: Readonly<Record<string, string>> = {
  themeId: 'service_code',
  quartierId: 'quartier_id',
  point: 'lat',
  'point.lat': 'lat',
  'point.lon': 'long',
  address: 'address_string',
  description: 'description',
  photos: 'media_url',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  'reporter.name': 'first_name',
};

/** A form field as sent: once, repeated (`media_url` twice), or not at all. */
export type Open311FormValue = string | readonly string[] | undefined;

const text = (value: Open311FormValue): string | undefined => {
  const t = (typeof value === 'string' ? value : value?.[0])?.trim();
  return t ? t : undefined;
};

/** Every non-empty value of a field that may be repeated. */
const texts = (value: Open311FormValue): string[] =>
  (typeof value === 'string' ? [value] : (value ?? [])).map((v) => v.trim()).filter((v) => v !== '');

/** The longest `media_url` kept (what browsers and proxies reliably carry). */
const MAX_MEDIA_URL = 2000;

/**
 * A `media_url` as the external link it is: an absolute http(s) URL without
 * credentials. GUSP never fetches it (no request to a host a client chose), so
 * its type is only guessed from its name, and it is stored as a photo whose
 * `url` is elsewhere (ids `media-url-1`…).
 */
function mediaLink(url: string, index: number): PhotoRef | undefined {
  if (url.length > MAX_MEDIA_URL) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username !== '' || parsed.password !== '') return undefined;
  const name = parsed.pathname.toLowerCase();
  const mediaType = name.endsWith('.png') ? 'image/png' : name.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
  return { id: `media-url-${index + 1}`, mediaType, url: parsed.href };
}

function coordinates(lat: string | undefined, long: string | undefined): GeoPoint | 'invalid' | undefined {
  if (lat === undefined && long === undefined) return undefined;
  const num = (s: string | undefined) => (s !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN);
  const point = { lat: num(lat), lon: num(long) };
  const valid = Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180;
  return valid ? point : 'invalid';
}

/**
 * Reads the form body of a GeoReport v2 `POST requests.json` into a checked
 * observation input: `service_code` → theme, `lat`/`long` → point,
 * `address_string` → address, `description`, polarity `problem`, source `resident`.
 *
 * - A location is required: `lat` and `long`, `address_string` or `address_id`
 *   (GUSP has no address repository: an `address_id` sent alone is kept as the
 *   address, in words).
 * - Without `description`, the service's name stands in for it; up to 4,000
 *   characters, as the specification allows.
 * - Contact (`email`, `first_name`, `last_name`, `phone`) is kept only when the
 *   body also says `consent=true` (a GUSP extension: Open311 has no consent
 *   field); otherwise it is dropped, never stored without consent.
 * - `quartier_id` (a GUSP extension) names the quartier; Open311 clients don't
 *   know quartiers, so it is usually absent and must be found from the location.
 * - `media_url` (once, or repeated as FixMyStreet sends several) is kept as an
 *   external link, never fetched: an absolute http(s) URL, at most 3 as photos.
 *   `api_key`, `jurisdiction_id`, `device_id`, `account_id` are not used here.
 *
 * Refusals: `open311.service-code-required`, `open311.unknown-service`,
 * `open311.location-required`, `open311.invalid-location`,
 * `open311.invalid-media-url`, `observation.unknown-quartier`, or
 * `validation.invalid` whose issue paths are Open311 field names.
 */
export function fromOpen311Request(
  body: Readonly<Record<string, Open311FormValue>>,
  city: CityProfile,
  locale?: string,
): Result<Open311Submission> {
  const lang = locale ?? city.locale;
  const serviceCode = text(body.service_code);
  if (!serviceCode) return err(guspError('open311.service-code-required', lang));
  const theme = findTheme(city, serviceCode);
  if (!theme) return err(guspError('open311.unknown-service', lang, { serviceCode }));
  const point = coordinates(text(body.lat), text(body.long));
  if (point === 'invalid') return err(guspError('open311.invalid-location', lang, { lat: text(body.lat), long: text(body.long) }));
  const address = text(body.address_string) ?? text(body.address_id);
  if (!point && !address) return err(guspError('open311.location-required', lang));
  const quartierId = text(body.quartier_id);
  if (quartierId !== undefined && !findQuartier(city, quartierId))
    return err(guspError('observation.unknown-quartier', lang, { quartierId }));
  const mediaUrls = texts(body.media_url);
  const photos: PhotoRef[] = [];
  for (const [index, url] of mediaUrls.entries()) {
    const link = mediaLink(url, index);
    if (!link) return err(guspError('open311.invalid-media-url', lang, { mediaUrl: url.slice(0, 200) }));
    photos.push(link);
  }

  const name = [text(body.first_name), text(body.last_name)].filter(Boolean).join(' ');
  const contact = { name: name || undefined, email: text(body.email), phone: text(body.phone) };
  const consent = text(body.consent)?.toLowerCase() === 'true';
  const given = contact.name !== undefined || contact.email !== undefined || contact.phone !== undefined;

  const input: RecordObservationInput = {
    ...(quartierId ? { quartierId } : {}),
    ...(point ? { point } : {}),
    ...(address ? { address } : {}),
    polarity: 'problem',
    themeId: theme.id,
    description: text(body.description) ?? localName(theme, lang),
    photos,
    source: 'resident',
    ...(consent && given ? { reporter: { ...definedOnly(contact), consent: true } } : {}),
  };
  const checked = validate(RecordObservationInput, input, lang);
  if (checked.ok) return checked;
  const issues = ((checked.error.details.issues ?? []) as FieldIssue[]).map((i) => ({
    ...i,
    path: OPEN311_FIELD[i.path] ?? (i.path.startsWith('photos.') ? 'media_url' : i.path),
  }));
  return err({ ...checked.error, details: { ...checked.error.details, issues } });
}

const definedOnly = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/* ------------------------------------------------------------------ errors */

/**
 * A refusal as a GeoReport v2 error list: `[{ code, description }]`, one entry
 * per field issue for `validation.invalid`. `code` is the HTTP status the
 * caller answers with: which status a refusal gets is the server's decision,
 * not the core's.
 */
export function toOpen311ErrorList(error: GuspError, status: number): Open311Error[] {
  const issues = (error.details.issues ?? []) as FieldIssue[];
  if (Array.isArray(issues) && issues.length > 0) {
    return issues.map((i) => ({ code: status, description: i.path ? `${i.path}: ${i.message}` : i.message }));
  }
  return [{ code: status, description: error.message }];
}

/* ------------------------------------------------------------------ XML */

/** The service definition of `GET services/{code}`: GUSP's services have no extra attributes. */
export interface Open311ServiceDefinition {
  readonly service_code: string;
  readonly attributes: readonly never[];
}

/**
 * One GeoReport v2 document, named by its XML root: what the `.json` endpoints
 * return, wrapped as the specification's `.xml` endpoints write it.
 */
export type Open311Document =
  | { readonly services: readonly Open311Service[] }
  | { readonly service_definition: Open311ServiceDefinition }
  | { readonly service_requests: readonly (Open311ServiceRequest | Open311PostResponse)[] }
  | { readonly service_request_updates: readonly Open311RequestUpdate[] }
  | { readonly discovery: Open311Discovery }
  | { readonly errors: readonly Open311Error[] };

/** The element of one item of each list, as the specification names them. */
const XML_ITEM: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  service_request_updates: 'request_update',
  endpoints: 'endpoint',
  formats: 'format',
};

// Characters XML 1.0 cannot carry at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these characters are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlText = (value: string): string => value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

function xmlElement(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = XML_ITEM[name] ?? 'item';
    return `<${name}>${value.map((v) => xmlElement(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => xmlElement(k, v))
      .join('')}</${name}>`;
  }
  // What is left is a primitive: the exports only put strings, numbers and booleans there.
  const primitive = value as string | number | boolean;
  return `<${name}>${xmlText(String(primitive))}</${name}>`;
}

/**
 * A GeoReport v2 document as XML (the `.xml` format of the specification):
 * `toOpen311Xml({ services: toOpen311Services(city) })`,
 * `{ service_requests: toOpen311Requests(…) }` (also the answer to a POST),
 * `{ service_definition: … }`, `{ service_request_updates: toOpen311RequestUpdates(…) }`,
 * `{ discovery: toOpen311Discovery(…) }` or `{ errors: toOpen311ErrorList(error, status) }`.
 * Empty and null fields, and empty lists, are empty elements; text is escaped, and characters
 * XML cannot hold are dropped.
 */
export function toOpen311Xml(document: Open311Document): string {
  const [root, value] = Object.entries(document)[0] as [string, unknown];
  if (!Array.isArray(value) || value.length === 0) return `${XML_DECLARATION}${xmlElement(root, value)}\n`;
  const text = open311XmlText(root as Open311ListRoot);
  return text.head + value.map((item) => text.item(item)).join('') + text.tail;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** The GeoReport v2 documents that are lists. */
export type Open311ListRoot = 'service_requests' | 'service_request_updates';

/**
 * A list document in pieces, for a file sent as it is read: in XML `head`, each `item`, `tail`
 * (a list without items is `empty`, an empty element); in JSON the same with `[`, `,`-separated
 * `JSON.stringify` of each item, and `]`. The same bytes as {@linkcode toOpen311Xml} and
 * `JSON.stringify` of the whole list.
 */
export interface Open311ListText {
  readonly head: string;
  readonly separator: string;
  item(value: unknown): string;
  readonly tail: string;
  readonly empty: string;
}

/** {@linkcode Open311ListText} in XML. */
export function open311XmlText(root: Open311ListRoot): Open311ListText {
  const element = XML_ITEM[root] ?? 'item';
  return {
    head: `${XML_DECLARATION}<${root}>`,
    separator: '',
    item: (value) => xmlElement(element, value),
    tail: `</${root}>\n`,
    empty: `${XML_DECLARATION}<${root}/>\n`,
  };
}

/** {@linkcode Open311ListText} in JSON: the bare list, as GeoReport v2 writes it. */
export const OPEN311_JSON_TEXT: Open311ListText = {
  head: '[',
  separator: ',',
  item: (value) => JSON.stringify(value),
  tail: ']',
  empty: '[]',
};
