// SPDX-License-Identifier: EUPL-1.2
/**
 * iCalendar (RFC 5545) for walks: one event for a sign-up confirmation, or a
 * feed of events for a quartier or the city. Times carry the city's TZID with a matching
 * VTIMEZONE, so calendars keep 09:00 at 09:00 across daylight-saving changes;
 * for a time zone without a built-in definition, times are written in UTC.
 *
 * A file served over HTTP carries no METHOD; an email attachment is an iTIP
 * message (RFC 5546, RFC 6047) and names its `method`, which the MIME part must
 * repeat (`text/calendar; method=…`): read it back with {@linkcode icalMethod}.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { CityProfile } from '../city/city-profile.js';
import { findQuartier } from '../city/lookup.js';
import { instant } from '../dates.js';
import { labelIn } from '../i18n.js';
import { FIELD_MESSAGES, ICAL_MESSAGES } from '../locales/messages.js';
import { PROJECT_MESSAGES } from '../project/project.messages.js';
import type { Place, Walk } from '../walk/walk.js';
import type { Workshop } from '../workshop/workshop.js';

/** The iTIP methods an email of GUSP sends: an event to add (or update), or one to remove. */
export type ICalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** Who publishes the events (iTIP's ORGANIZER, required with a METHOD): the sender of the emails. */
export interface ICalendarOrganizer {
  readonly email: string;
  readonly name?: string | undefined;
}

export interface ICalendarOptions {
  /** Language of SUMMARY and DESCRIPTION; the city's by default. */
  readonly locale?: string;
  /** The walk's page: a URL, or a function giving each walk's URL (for feeds). */
  readonly url?: string | ((walk: Walk) => string | undefined);
  /** DTSTAMP; by default each walk's `updatedAt`, which keeps the output a pure function of its input. */
  readonly now?: Date;
  /** PRODID; by default `-//GUSP//Diagnostic en marchant//FR`. */
  readonly prodId?: string;
  /**
   * The iTIP method, for an email attachment only (RFC 6047 §2.4: the MIME
   * part's `method` must say the same): `PUBLISH` to add or update the event,
   * `CANCEL` to remove it. Files served over HTTP have none.
   */
  readonly method?: ICalendarMethod;
  /** ORGANIZER of every event; iTIP requires one with `method`. */
  readonly organizer?: ICalendarOrganizer;
}

export interface ICalendarFeedOptions extends ICalendarOptions {
  /**
   * The feed's name (NAME, RFC 7986, and X-WR-CALNAME, which most apps read);
   * by default « Diagnostics en marchant – <quartier> (<city>) » for a quartier's
   * feed and « Diagnostics en marchant – <city> » for the city's.
   */
  readonly calendarName?: string;
  /** The quartier whose feed this is (its id): it names the feed. */
  readonly quartierId?: string;
  /**
   * How often subscribers should read the feed again (REFRESH-INTERVAL, RFC
   * 7986, and X-PUBLISHED-TTL), in minutes; 360 (6 hours) by default.
   */
  readonly refreshMinutes?: number;
  /** Workshops of concerted projects the feed lists too, after the walks (a quartier's feed: its projects' public workshops). */
  readonly workshops?: readonly Workshop[];
  /** Each workshop's page, for the feed's workshops. */
  readonly workshopUrl?: (workshop: Workshop) => string | undefined;
  /** The title of each workshop's project, said in its DESCRIPTION. */
  readonly projectTitle?: (workshop: Workshop) => string | undefined;
}

/** {@linkcode ICalendarOptions} for a workshop's own .ics: its page, and its project's title for the description. */
export interface WorkshopICalendarOptions extends Omit<ICalendarOptions, 'url'> {
  /** The workshop's page. */
  readonly url?: string;
  /** The project's title, said in the DESCRIPTION. */
  readonly projectTitle?: string;
}

/** {@linkcode ICalendarFeedOptions} for a project's feed of workshops. */
export interface ProjectICalendarFeedOptions extends Omit<ICalendarFeedOptions, 'url' | 'workshops' | 'quartierId'> {
  /** Each workshop's page. */
  readonly workshopUrl?: (workshop: Workshop) => string | undefined;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Octets of one code point in UTF-8. */
const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then one space,
 * counting UTF-8 octets and never splitting a character.
 */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const n = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + n > MAX_OCTETS) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += char;
    octets += n;
  }
  return out;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` and line breaks; other control characters are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

/* ------------------------------------------------------------------ time zones */

type ZoneDef = {
  /** Standard offset in minutes east of UTC, and its abbreviation. */
  readonly std: readonly [number, string];
  /** Summer offset and abbreviation, switched by the EU rule (last Sunday of March / October, 01:00 UTC). */
  readonly dst?: readonly [number, string];
};

function offsetName(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Time zones with a built-in VTIMEZONE: those following the EU summer-time rule,
 * and France's overseas zones (no summer time). Others fall back to UTC times.
 * The export tests check every entry against the platform's time-zone database.
 */
const ZONES: readonly (readonly [ZoneDef, readonly string[]])[] = [
  [
    { std: [60, 'CET'], dst: [120, 'CEST'] },
    [
      'Europe/Paris',
      'Europe/Monaco',
      'Europe/Brussels',
      'Europe/Luxembourg',
      'Europe/Berlin',
      'Europe/Amsterdam',
      'Europe/Madrid',
      'Europe/Rome',
      'Europe/Zurich',
      'Europe/Vienna',
      'Europe/Andorra',
      'Europe/Prague',
      'Europe/Warsaw',
      'Europe/Budapest',
      'Europe/Stockholm',
      'Europe/Oslo',
      'Europe/Copenhagen',
      'Europe/Ljubljana',
      'Europe/Zagreb',
      'Europe/Bratislava',
      'Europe/Malta',
      'Europe/Belgrade',
      'Europe/Vaduz',
      'Europe/Gibraltar',
    ],
  ],
  [{ std: [0, 'WET'], dst: [60, 'WEST'] }, ['Europe/Lisbon', 'Atlantic/Madeira', 'Atlantic/Canary']],
  [{ std: [0, 'GMT'], dst: [60, 'BST'] }, ['Europe/London', 'Europe/Jersey', 'Europe/Guernsey', 'Europe/Isle_of_Man']],
  [
    { std: [120, 'EET'], dst: [180, 'EEST'] },
    [
      'Europe/Athens',
      'Europe/Helsinki',
      'Europe/Bucharest',
      'Europe/Sofia',
      'Europe/Riga',
      'Europe/Tallinn',
      'Europe/Vilnius',
      'Asia/Nicosia',
    ],
  ],
  [{ std: [-180, '-03'] }, ['America/Cayenne']],
  [{ std: [-240, 'AST'] }, ['America/Martinique', 'America/Guadeloupe', 'America/St_Barthelemy', 'America/Marigot']],
  [{ std: [240, '+04'] }, ['Indian/Reunion']],
  [{ std: [180, 'EAT'] }, ['Indian/Mayotte']],
  [{ std: [660, '+11'] }, ['Pacific/Noumea']],
  [{ std: [-600, '-10'] }, ['Pacific/Tahiti']],
  [{ std: [720, '+12'] }, ['Pacific/Wallis']],
];

const zoneDef = (timeZone: string): ZoneDef | undefined => ZONES.find(([, names]) => names.includes(timeZone))?.[0];

/** The time zones {@linkcode toICalendar} writes a VTIMEZONE for; for others it writes UTC times. */
export const icalTimeZones = (): string[] => ZONES.flatMap(([, names]) => names);

/** The lines of a VTIMEZONE, or `undefined` when there is no definition for this zone. */
export function vtimezoneLines(timeZone: string): string[] | undefined {
  const def = zoneDef(timeZone);
  if (!def) return undefined;
  const [std, stdName] = def.std;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (!def.dst) {
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offsetName(std)}`,
      `TZOFFSETTO:${offsetName(std)}`,
      `TZNAME:${stdName}`,
      'END:STANDARD',
    );
  } else {
    const [dst, dstName] = def.dst;
    // The EU switches at 01:00 UTC; DTSTART is the wall-clock time just before the switch (RFC 5545 §3.6.5).
    const wall = (offset: number) => `T${String(1 + offset / 60).padStart(2, '0')}0000`;
    lines.push(
      'BEGIN:DAYLIGHT',
      `DTSTART:19700329${wall(std)}`,
      `TZOFFSETFROM:${offsetName(std)}`,
      `TZOFFSETTO:${offsetName(dst)}`,
      `TZNAME:${dstName}`,
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      `DTSTART:19701025${wall(dst)}`,
      `TZOFFSETFROM:${offsetName(dst)}`,
      `TZOFFSETTO:${offsetName(std)}`,
      `TZNAME:${stdName}`,
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

const utcStamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');

/** The wall-clock time of an instant in a zone, as `YYYYMMDDTHHMMSS`. */
const wallClock = (ms: number, timeZone: string): string => utcStamp(ms + tzOffset(timeZone, new Date(ms)) * 60_000).slice(0, -1);

/**
 * `DTSTART;TZID=Europe/Paris:20260314T090000`, or `DTSTART:20260314T080000Z`
 * without a VTIMEZONE, or in the hour that occurs twice when clocks go back:
 * RFC 5545 §3.3.5 says such a time means its first occurrence, but parsers
 * differ (ical.js takes the second), so UTC is the only unambiguous form.
 */
function dateTimeLine(name: string, ms: number, timeZone: string | undefined): string {
  if (!timeZone) return `${name}:${utcStamp(ms)}`;
  const wall = wallClock(ms, timeZone);
  const repeated = wallClock(ms - 3_600_000, timeZone) === wall || wallClock(ms + 3_600_000, timeZone) === wall;
  if (repeated) return `${name}:${utcStamp(ms)}`;
  return `${name};TZID=${timeZone}:${wall}`;
}

/* ------------------------------------------------------------------ events */

/** Calendar texts only: a page offering one walk's .ics carries no other catalogue. */
const text = (key: string, locale?: string): string => labelIn([ICAL_MESSAGES, FIELD_MESSAGES], key, locale);

/** The stable UID of a walk's event: re-importing the file updates the event. */
export const walkUid = (walk: Walk): string => `walk-${walk.id}@gusp`;

const meetingPlace = (walk: Walk): Place | undefined => walk.meetingPoint ?? walk.stops[0];

const coordinate = (n: number): string => String(Math.round(n * 1e6) / 1e6);

function summary(walk: Walk, city: CityProfile, locale: string): string {
  if (walk.title) return walk.title;
  const quartier = findQuartier(city, walk.quartierId);
  return quartier ? `${text('ical.walkTitle', locale)} – ${quartier.name}` : text('ical.walkTitle', locale);
}

function description(walk: Walk, city: CityProfile, locale: string, url: string | undefined): string {
  const colon = text('format.colon', locale);
  const parts: string[] = [];
  if (walk.status === 'cancelled') {
    parts.push(text('ical.cancelled', locale));
    if (walk.cancelReason?.trim()) parts.push(`${text('ical.cancelReason', locale)}${colon}${walk.cancelReason.trim()}`);
    parts.push('');
  }
  const quartier = findQuartier(city, walk.quartierId);
  if (quartier) parts.push(`${text('report.quartier', locale)}${colon}${quartier.name}`);
  const place = meetingPlace(walk);
  if (place) parts.push(`${text('report.meetingPoint', locale)}${colon}${place.label}`);
  if (walk.stops.length > 0) {
    parts.push('', `${text('ical.route', locale)}${colon}`);
    walk.stops.forEach((stop, i) =>
      parts.push(`${i + 1}. ${stop.label}${stop.description?.trim() ? ` – ${stop.description.trim()}` : ''}`),
    );
  }
  if (url) parts.push('', `${text('ical.moreInfo', locale)}${colon}${url}`);
  return parts.join('\n');
}

/** `ORGANIZER;CN="GUSP Valence":mailto:gusp@valence.fr` (a quoted CN: it may hold `;` or `:`). */
function organizerLine(organizer: ICalendarOrganizer): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const name = organizer.name?.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  // eslint-disable-next-line no-control-regex -- as above
  const email = organizer.email.replace(/[\u0000-\u0020\u007f]/g, '');
  return `ORGANIZER${name ? `;CN="${name}"` : ''}:mailto:${email}`;
}

/** The METHOD of an iCalendar object (`PUBLISH`…), or `undefined` without one: what the MIME part's `method` must be. */
export function icalMethod(ics: string): string | undefined {
  return /^METHOD:([A-Za-z-]+)\r?$/m.exec(ics)?.[1]?.toUpperCase();
}

/** What one VEVENT says, whatever it is of: a walk, or a project's workshop. */
interface CalendarEntry {
  readonly uid: string;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly summary: string;
  readonly place?: Place | undefined;
  readonly description: string;
  readonly cancelled: boolean;
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly url?: string | undefined;
}

function walkEntry(walk: Walk, city: CityProfile, options: ICalendarOptions): CalendarEntry {
  const locale = options.locale ?? city.locale;
  const url = typeof options.url === 'function' ? options.url(walk) : options.url;
  return {
    uid: walkUid(walk),
    startsAt: walk.startsAt,
    durationMinutes: walk.durationMinutes,
    summary: summary(walk, city, locale),
    place: meetingPlace(walk),
    description: description(walk, city, locale, url),
    cancelled: walk.status === 'cancelled',
    sequence: walk.sequence,
    createdAt: walk.createdAt,
    updatedAt: walk.updatedAt,
    url,
  };
}

/** Workshop texts: the project domain's and the calendar's, in a bundle that offers a workshop's .ics. */
const workshopText = (key: string, locale?: string): string => labelIn([PROJECT_MESSAGES, ICAL_MESSAGES, FIELD_MESSAGES], key, locale);

/** The stable UID of a workshop's event: re-importing the file updates the event. */
export const workshopUid = (workshop: Workshop): string => `workshop-${workshop.id}@gusp`;

function workshopEntry(
  workshop: Workshop,
  city: CityProfile,
  locale: string,
  url: string | undefined,
  projectTitle: string | undefined,
): CalendarEntry {
  const colon = workshopText('format.colon', locale);
  const parts: string[] = [];
  if (workshop.status === 'cancelled') {
    parts.push(workshopText('ical.workshopCancelled', locale));
    if (workshop.cancelReason?.trim()) parts.push(`${workshopText('ical.cancelReason', locale)}${colon}${workshop.cancelReason.trim()}`);
    parts.push('');
  }
  parts.push(workshopText(`workshop.kind.${workshop.kind}`, locale));
  if (projectTitle) parts.push(`${workshopText('ical.project', locale)}${colon}${projectTitle}`);
  const quartier = findQuartier(city, workshop.quartierId);
  if (quartier) parts.push(`${workshopText('report.quartier', locale)}${colon}${quartier.name}`);
  if (workshop.description?.trim()) parts.push('', workshop.description.trim());
  if (url) parts.push('', `${workshopText('ical.moreInfo', locale)}${colon}${url}`);
  return {
    uid: workshopUid(workshop),
    startsAt: workshop.startsAt,
    durationMinutes: workshop.durationMinutes,
    summary: workshop.title,
    place: workshop.place,
    description: parts.join('\n'),
    cancelled: workshop.status === 'cancelled',
    sequence: workshop.sequence,
    createdAt: workshop.createdAt,
    updatedAt: workshop.updatedAt,
    url,
  };
}

function eventLines(entry: CalendarEntry, options: ICalendarOptions, timeZone: string | undefined): string[] {
  const { url, place } = entry;
  const start = instant(entry.startsAt);
  const end = start + entry.durationMinutes * 60_000;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `DTSTAMP:${utcStamp(options.now ? options.now.getTime() : instant(entry.updatedAt))}`,
    `CREATED:${utcStamp(instant(entry.createdAt))}`,
    `LAST-MODIFIED:${utcStamp(instant(entry.updatedAt))}`,
    // Counted by the fold from its history (each reschedule, the cancellation): feeds, files and emails agree.
    `SEQUENCE:${entry.sequence}`,
    dateTimeLine('DTSTART', start, timeZone),
    dateTimeLine('DTEND', end, timeZone),
    `SUMMARY:${escapeText(entry.summary)}`,
  ];
  if (place) lines.push(`LOCATION:${escapeText(place.label)}`);
  if (place?.point) lines.push(`GEO:${coordinate(place.point.lat)};${coordinate(place.point.lon)}`);
  lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
  if (options.organizer) lines.push(organizerLine(options.organizer));
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  if (url) lines.push(`URL:${url.replace(/[\u0000-\u001f\u007f]/g, '')}`);
  // A CANCEL says the event is off for whoever receives it (a walk cancelled, or one person's place on it removed):
  // RFC 5546 §3.2.5 has its VEVENT say STATUS:CANCELLED, so a calendar drops it rather than keep it confirmed.
  const cancelled = entry.cancelled || options.method === 'CANCEL';
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function calendar(
  entries: readonly CalendarEntry[],
  city: CityProfile,
  options: Omit<ICalendarOptions, 'url'> & Pick<ICalendarFeedOptions, 'calendarName' | 'quartierId' | 'refreshMinutes'>,
  feed: boolean,
): string {
  const locale = options.locale ?? city.locale;
  const tzLines = vtimezoneLines(city.timezone);
  const timeZone = tzLines ? city.timezone : undefined;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? `-//GUSP//${text('ical.prodid', locale)}//${locale.split('-')[0]?.toUpperCase() ?? 'FR'}`}`,
    'CALSCALE:GREGORIAN',
  ];
  if (options.method) lines.push(`METHOD:${options.method}`);
  if (feed) {
    const name = escapeText(options.calendarName ?? feedName(city, options.quartierId, locale));
    const refresh = Math.max(1, Math.round(options.refreshMinutes ?? 360));
    lines.push(`NAME:${name}`, `X-WR-CALNAME:${name}`, `X-WR-TIMEZONE:${city.timezone}`);
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`, `X-PUBLISHED-TTL:PT${refresh}M`);
  }
  if (tzLines) lines.push(...tzLines);
  for (const entry of entries) lines.push(...eventLines(entry, options, timeZone));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A feed's name: « Diagnostics en marchant – Le Plan (Valence) » for a
 * quartier's, « Diagnostics en marchant – Valence » for the city's, so two
 * subscriptions never show under one name.
 */
export function feedName(city: CityProfile, quartierId?: string, locale?: string): string {
  const base = text('ical.feedName', locale ?? city.locale);
  if (quartierId === undefined) return `${base} – ${city.name}`;
  const quartier = findQuartier(city, quartierId)?.name ?? quartierId;
  // No comma: NAME and X-WR-CALNAME are TEXT (a comma is written `\,`), and some apps show the backslash.
  return city.name ? `${base} – ${quartier} (${city.name})` : `${base} – ${quartier}`;
}

/**
 * One walk as an iCalendar object (one VEVENT), for the sign-up confirmation.
 * A cancelled walk keeps its UID with `STATUS:CANCELLED`, and each reschedule
 * and the cancellation bump `SEQUENCE`, so calendars update the event they already have.
 */
export function toICalendar(walk: Walk, city: CityProfile, options: ICalendarOptions = {}): string {
  return calendar([walkEntry(walk, city, options)], city, options, false);
}

/**
 * A feed of walks (a quartier's, say) as one iCalendar object. The caller
 * chooses the walks: filter by quartier, and leave drafts out of public feeds.
 */
export function toICalendarFeed(walks: readonly Walk[], city: CityProfile, options: ICalendarFeedOptions = {}): string {
  const locale = options.locale ?? city.locale;
  const workshops = (options.workshops ?? []).map((w) =>
    workshopEntry(w, city, locale, options.workshopUrl?.(w), options.projectTitle?.(w)),
  );
  return calendar([...walks.map((walk) => walkEntry(walk, city, options)), ...workshops], city, options, true);
}

/**
 * One workshop of a concerted project as an iCalendar object (one VEVENT), for its sign-up
 * confirmation and « Ajouter à mon agenda »: the walk's VEVENT (stable UID `workshop-<id>@gusp`,
 * TZID, LOCATION, GEO, SEQUENCE, STATUS:CANCELLED when cancelled).
 */
export function workshopToICalendar(workshop: Workshop, city: CityProfile, options: WorkshopICalendarOptions = {}): string {
  const locale = options.locale ?? city.locale;
  return calendar([workshopEntry(workshop, city, locale, options.url, options.projectTitle)], city, options, false);
}

/**
 * A project's feed: its workshops (the caller leaves drafts out), named « Ateliers du projet – <title> ».
 */
export function projectICalendarFeed(
  project: { readonly title: string },
  workshops: readonly Workshop[],
  city: CityProfile,
  options: ProjectICalendarFeedOptions = {},
): string {
  const locale = options.locale ?? city.locale;
  const entries = workshops.map((w) => workshopEntry(w, city, locale, options.workshopUrl?.(w), project.title));
  const calendarName = options.calendarName ?? `${workshopText('ical.workshopFeedName', locale)} – ${project.title}`;
  return calendar(entries, city, { ...options, calendarName }, true);
}
