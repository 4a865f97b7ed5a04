// SPDX-License-Identifier: EUPL-1.2
/**
 * Which emails an event of the journal makes, and which reminders are due:
 * pure functions of the event and the walk (or workshop) as it is now (no database, no SMTP),
 * so what people are told can be tested on its own. A walk's sign-up and a workshop's are the
 * same registration: the same emails ({@linkcode gatheringEmails}), in the words of each.
 */
import {
  reportToMarkdown,
  toICalendar,
  waitlistPosition,
  workshopToICalendar,
  type CityProfile,
  type ICalendarMethod,
  type ICalendarOrganizer,
  type RegistrationFields,
  type Walk,
  type WalkAggregate,
  type Workshop,
  type WorkshopAggregate,
} from '@gusp/core';
import { walkPageUrl } from '../routes/walks.js';
import { cancelPageUrl } from '../routes/registrations.js';
import { projectPageUrl } from '../routes/workshops.js';
import { photoUrl } from '../photos.js';
import type { OrganisationRecipients, Restitution } from './restitution.js';
import { renderNotification, type MailedGathering, type NotificationKind, type TemplateInput } from './templates.js';

/** An email to write to the outbox; `dedupKey` makes writing it twice a no-op. */
export interface PendingEmail {
  readonly dedupKey: string;
  /** `verification-asked`: « Est-ce réglé ? » (verification.ts). */
  readonly kind: NotificationKind | 'verification-asked';
  readonly recipient: string;
  readonly locale: string;
  readonly subject: string;
  readonly body: string;
  readonly ics?: string | undefined;
}

/** An event of a walk's stream, as the journal holds it. */
export interface WalkEvent {
  readonly position: string | number;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface EmailContext {
  readonly city: CityProfile;
  /** Public base URL of the server, for cancel links and reports. */
  readonly publicUrl: string;
  /** The From address of the emails (`GUSP Valence <gusp@valence.fr>`): the ORGANIZER of their calendar attachments. */
  readonly from?: string | undefined;
}

/** `GUSP Valence <gusp@valence.fr>` → its name and address; a bare address has no name. */
export function organizerOf(from: string): ICalendarOrganizer {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+)>\s*$/.exec(from);
  if (!m) return { email: from.trim() };
  const name = m[1]?.trim();
  return name ? { email: m[2] ?? '', name } : { email: m[2] ?? '' };
}

/** Where the seed's made-up people live: `.invalid` is reserved (RFC 6761), so no mail can reach anyone there. */
export const SEED_EMAIL_DOMAIN = 'demo.gusp.invalid';

/**
 * Addresses the notifier never writes to, whatever the event: any `.invalid`
 * one (the seed's people), and `exemple.fr`, where the seed of earlier versions
 * put them (data seeded then is still in use).
 */
export function neverEmailed(address: string): boolean {
  const domain = address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  return domain === 'invalid' || domain.endsWith('.invalid') || domain === 'exemple.fr';
}

/**
 * The emails whose calendar attachment removes the event (iTIP CANCEL, `STATUS:CANCELLED`) rather than
 * adding or updating it: the walk (or workshop) is cancelled, or the person's place on it is (cancelled for her by staff, removed).
 */
const REMOVES_THE_EVENT: ReadonlySet<NotificationKind> = new Set(['walk-cancelled', 'registration-cancelled', 'registration-removed']);

/** What an email says of what a person signed up to, a walk or a workshop: {@linkcode walkMailed}, {@linkcode workshopMailed}. */
export interface Mailed {
  readonly gathering: MailedGathering;
  readonly id: string;
  readonly quartierId: string;
  readonly startsAt: string;
  /** A workshop's title; a walk is named by its quartier. */
  readonly title?: string | undefined;
  /** Where to come (the walk's meeting point, the workshop's place). */
  readonly place: string;
  /** Its page for people: the walk's, the workshop's project's. */
  readonly pageUrl: string;
  /** Its calendar attachment, an iTIP message (RFC 6047) with `method`. */
  readonly ics: (locale: string, method: ICalendarMethod, organizer: ICalendarOrganizer | undefined) => string;
}

/** A walk as its emails name it. */
export function walkMailed(ctx: EmailContext, walk: Walk): Mailed {
  const url = walkPageUrl(ctx.publicUrl, walk.id);
  return {
    gathering: 'walk',
    id: walk.id,
    quartierId: walk.quartierId,
    startsAt: walk.startsAt,
    place: walk.meetingPoint?.label ?? '',
    pageUrl: url,
    ics: (locale, method, organizer) =>
      toICalendar(walk, ctx.city, { locale, url: () => url, method, ...(organizer ? { organizer } : {}) }),
  };
}

/** A workshop as its emails name it (its page: its project's). */
export function workshopMailed(ctx: EmailContext, workshop: Workshop): Mailed {
  const url = projectPageUrl(ctx.publicUrl, workshop.projectId);
  return {
    gathering: 'workshop',
    id: workshop.id,
    quartierId: workshop.quartierId,
    startsAt: workshop.startsAt,
    title: workshop.title,
    place: workshop.place?.label ?? '',
    pageUrl: url,
    ics: (locale, method, organizer) =>
      workshopToICalendar(workshop, ctx.city, { locale, url, method, ...(organizer ? { organizer } : {}) }),
  };
}

/** The emails of one kind to one registrant, or none when they have no email (or were anonymised, or are made up). */
function emailTo(
  ctx: EmailContext,
  dedupKey: string,
  kind: NotificationKind,
  g: Mailed,
  r: RegistrationFields,
  extra: { position?: number | undefined; reason?: string; ics?: boolean; day?: TemplateInput['day']; reportText?: string } = {},
): PendingEmail | undefined {
  if (!r.email || r.anonymised || neverEmailed(r.email)) return undefined;
  const { city, publicUrl } = ctx;
  const locale = r.locale || city.locale;
  const when = new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: city.timezone,
  }).format(new Date(g.startsAt));
  const { subject, body } = renderNotification(kind, locale, {
    name: r.name,
    gathering: g.gathering,
    title: g.title,
    place: g.place,
    quartier: city.quartiers.find((q) => q.id === g.quartierId)?.name ?? g.quartierId,
    when,
    position: extra.position,
    day: extra.day,
    reason: extra.reason,
    reportText: extra.reportText,
    cancelUrl: cancelPageUrl(publicUrl, g.gathering, g.id, r.id, r.cancelToken),
    reportUrl: reportPageUrl(publicUrl, g.id),
    pageUrl: g.pageUrl,
  });
  return {
    dedupKey,
    kind,
    recipient: r.email,
    locale,
    subject,
    body,
    // An iTIP message (RFC 6047): CANCEL removes the event from the calendar, PUBLISH adds or updates it;
    // the MIME part repeats this METHOD (smtp.ts reads it back), as §2.4 requires.
    ics: extra.ics
      ? g.ics(locale, REMOVES_THE_EVENT.has(kind) ? 'CANCEL' : 'PUBLISH', ctx.from ? organizerOf(ctx.from) : undefined)
      : undefined,
  };
}

/** The public page of a walk's compte-rendu. */
export const reportPageUrl = (publicUrl: string, walkId: string) => `${publicUrl}/api/walks/${encodeURIComponent(walkId)}/report.html`;

/** The compte-rendu's text in a language, for the body of its emails (none before it exists). */
const reportTextOf = (ctx: EmailContext, agg: WalkAggregate, locale: string): string | undefined =>
  agg.report
    ? reportToMarkdown(agg.report, agg.walk, ctx.city, { locale, photoUrl: (id) => photoUrl(ctx.publicUrl, id) }).trim()
    : undefined;

/**
 * The compte-rendu shared: to every attendee and registrant with an address (`restitution.emailed`,
 * each in their language) and to the active staff accounts of the organisations concerned (in the
 * city's). Without `restitution` (a caller that did not look the organisations up), attendees and
 * registrants only, as `restitutionOf` chooses them.
 */
function reportSharedEmails(ctx: EmailContext, event: WalkEvent, agg: WalkAggregate, restitution: Restitution | undefined): PendingEmail[] {
  const people =
    restitution?.emailed ??
    agg.registrations.filter((r) => ['attended', 'confirmed', 'waitlisted', 'absent'].includes(r.status) && !r.anonymised);
  const texts = new Map<string, string | undefined>();
  const textIn = (locale: string) => {
    if (!texts.has(locale)) texts.set(locale, reportTextOf(ctx, agg, locale));
    return texts.get(locale);
  };
  const out: PendingEmail[] = [];
  for (const r of people) {
    const locale = r.locale || ctx.city.locale;
    const text = textIn(locale);
    const e = emailTo(
      ctx,
      `${Number(event.position)}:${r.id}`,
      'report-shared',
      walkMailed(ctx, agg.walk),
      r,
      text ? { reportText: text } : {},
    );
    if (e) out.push(e);
  }
  for (const o of restitution?.organisations ?? []) out.push(...organisationEmails(ctx, event, agg, o, textIn(ctx.city.locale)));
  return out;
}

function organisationEmails(
  ctx: EmailContext,
  event: WalkEvent,
  agg: WalkAggregate,
  o: OrganisationRecipients,
  reportText: string | undefined,
): PendingEmail[] {
  const { city, publicUrl } = ctx;
  const locale = city.locale;
  const when = new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', { dateStyle: 'full', timeZone: city.timezone }).format(
    new Date(agg.walk.startsAt),
  );
  return o.accounts.flatMap((a) => {
    if (!a.email || neverEmailed(a.email)) return [];
    const { subject, body } = renderNotification('report-organisation', locale, {
      name: a.name ?? o.name,
      gathering: 'walk',
      place: agg.walk.meetingPoint?.label ?? '',
      quartier: city.quartiers.find((q) => q.id === agg.walk.quartierId)?.name ?? agg.walk.quartierId,
      when,
      organisation: o.name,
      reportUrl: reportPageUrl(publicUrl, agg.walk.id),
      reportText,
    });
    return [
      { dedupKey: `${Number(event.position)}:staff:${a.id}`, kind: 'report-organisation', recipient: a.email, locale, subject, body },
    ];
  });
}

/**
 * The emails a registration event, a cancellation or a reschedule calls for, the same for a walk
 * and a workshop (one registration implementation, one set of emails): `g` names it, `registrations`
 * are its sign-ups as they are now (personal data purged: none).
 */
function gatheringEmails(
  ctx: EmailContext,
  event: WalkEvent,
  g: Mailed,
  registrations: readonly RegistrationFields[],
): (PendingEmail | undefined)[] {
  const key = (r: RegistrationFields) => `${Number(event.position)}:${r.id}`;
  const current = (id: string) => registrations.find((r) => r.id === id);
  const active = registrations.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
  const out: (PendingEmail | undefined)[] = [];
  switch (event.type) {
    case 'ParticipantRegistered': {
      const data = event.data as { registration: RegistrationFields; position?: number };
      const r = current(data.registration.id);
      // Cancelled or removed before we got to it: nothing to confirm (a removal says so itself). Someone
      // already there (a walk-in, or checked in before we got to it) needs no sign-up confirmation either.
      const there = data.registration.channel === 'walk-in' || data.registration.status === 'attended' || r?.status === 'attended';
      if (r && !there && r.status !== 'cancelled' && r.status !== 'removed') {
        const waitlisted = data.registration.status === 'waitlisted';
        out.push(
          emailTo(
            ctx,
            key(r),
            waitlisted ? 'waitlisted' : 'confirmed',
            g,
            { ...r, status: data.registration.status },
            // The event does not carry the position: it is the person's place on the list now (FIFO), which
            // is also true when the email goes out late, after others left the list.
            { ics: !waitlisted, position: data.position ?? (waitlisted ? waitlistPosition(registrations, r.id) : undefined) },
          ),
        );
      }
      break;
    }
    case 'ParticipantPromoted': {
      const r = current((event.data as { registrationId: string }).registrationId);
      if (r) out.push(emailTo(ctx, key(r), 'promoted', g, r, { ics: true }));
      break;
    }
    // A walk-in (`WalkInRegistered`) is there already: no confirmation, nothing else to tell them but the compte-rendu.
    case 'RegistrationCancelled': {
      // Staff cancelled for the person (`by`: who phoned to say she cannot come): she is told it is done. Her
      // own cancellation (with her token, on the cancellation page) needs no email: she saw it happen.
      // The staff's note (`reason`) is theirs, not quoted.
      if (event.data.by === undefined) break;
      const r = current((event.data as { registrationId: string }).registrationId);
      // With a CANCEL of the event: the invitation she had added to her calendar goes away too.
      if (r) out.push(emailTo(ctx, key(r), 'registration-cancelled', g, r, { ics: true }));
      break;
    }
    case 'RegistrationRemoved': {
      // Told in staff's words: the reason is about this person and theirs to read (an export shows it too).
      const r = current((event.data as { registrationId: string }).registrationId);
      const reason = typeof event.data.reason === 'string' ? event.data.reason : '';
      if (r) out.push(emailTo(ctx, key(r), 'registration-removed', g, r, { reason, ics: true }));
      break;
    }
    case 'WalkCancelled':
    case 'WorkshopCancelled':
      for (const r of active)
        out.push(
          emailTo(ctx, key(r), 'walk-cancelled', g, r, {
            reason: typeof event.data.reason === 'string' ? event.data.reason : '',
            ics: true,
          }),
        );
      break;
    case 'WalkRescheduled':
    case 'WorkshopRescheduled':
      for (const r of active)
        out.push(
          emailTo(ctx, key(r), 'walk-rescheduled', g, r, {
            ics: true,
            ...(typeof event.data.reason === 'string' ? { reason: event.data.reason } : {}),
          }),
        );
      break;
    default:
      break;
  }
  return out;
}

const sent = (emails: readonly (PendingEmail | undefined)[]): PendingEmail[] => emails.filter((e): e is PendingEmail => e !== undefined);

/**
 * The emails one event of a walk calls for, from the walk as it is now (personal data purged: none). For a shared
 * compte-rendu, `more.restitution` says who it reaches (the notifier looks the organisations' accounts up).
 */
export function eventEmails(
  ctx: EmailContext,
  event: WalkEvent,
  agg: WalkAggregate | undefined,
  more: { readonly restitution?: Restitution | undefined } = {},
): PendingEmail[] {
  if (!agg) return [];
  if (event.type === 'ReportShared') return reportSharedEmails(ctx, event, agg, more.restitution);
  return sent(gatheringEmails(ctx, event, walkMailed(ctx, agg.walk), agg.registrations));
}

/** The emails one event of a workshop calls for: a walk's very emails (sign-up, waiting list, promotion, cancellation, new date), in the words of an « atelier ». */
export function workshopEventEmails(ctx: EmailContext, event: WalkEvent, agg: WorkshopAggregate | undefined): PendingEmail[] {
  return agg ? sent(gatheringEmails(ctx, event, workshopMailed(ctx, agg.workshop), agg.registrations)) : [];
}

/** `YYYY-MM-DD` and the hour of an instant in a time zone. */
function zonedDay(ms: number, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: 'numeric',
    hourCycle: 'h23',
    timeZone,
  })
    .formatToParts(ms)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * The walk's day as the reminder names it, by calendar days in the city's
 * time zone seen from `now` (a walk at 9:00 reminded at 7:00 the same day is
 * « aujourd’hui », not « demain »; from 18:00, « ce soir »); a later day:
 * none, the full date says it.
 */
export function dayWord(start: number, now: number, timeZone: string): TemplateInput['day'] {
  const walk = zonedDay(start, timeZone);
  if (walk.day === zonedDay(now, timeZone).day) return walk.hour >= 18 ? 'tonight' : 'today';
  // Noon of the next calendar day is always on that day, whatever a DST change does to the night.
  const tomorrow = zonedDay(Date.parse(`${zonedDay(now, timeZone).day}T12:00:00Z`) + 86_400_000, timeZone).day;
  return walk.day === tomorrow ? 'tomorrow' : undefined;
}

/** The reminders of the gatherings `due` says are due (open or closed, starting within `windowMs`), once per person and time. */
function reminders(
  ctx: EmailContext,
  due: readonly { readonly status: string; readonly mailed: Mailed; readonly registrations: readonly RegistrationFields[] }[],
  now: number,
  windowMs: number,
): PendingEmail[] {
  const out: PendingEmail[] = [];
  for (const { status, mailed, registrations } of due) {
    const start = Date.parse(mailed.startsAt);
    if (!['open', 'closed'].includes(status) || start <= now || start - now > windowMs) continue;
    for (const r of registrations) {
      if (r.status !== 'confirmed') continue;
      const prefix = mailed.gathering === 'walk' ? 'reminder' : 'reminder-workshop';
      const e = emailTo(ctx, `${prefix}:${mailed.id}:${mailed.startsAt}:${r.id}`, 'reminder', mailed, r, {
        day: dayWord(start, now, ctx.city.timezone),
      });
      if (e) out.push(e);
    }
  }
  return out;
}

/**
 * The reminders due at `now`: confirmed people of open or closed walks
 * starting within `windowMs`. Once per person and walk time (dedup key): a
 * rescheduled walk reminds again.
 */
export function reminderEmails(ctx: EmailContext, walks: readonly WalkAggregate[], now: number, windowMs: number): PendingEmail[] {
  return reminders(
    ctx,
    walks.map((agg) => ({ status: agg.walk.status, mailed: walkMailed(ctx, agg.walk), registrations: agg.registrations })),
    now,
    windowMs,
  );
}

/** The same reminders for workshops: the walk's, in the words of an « atelier ». */
export function workshopReminderEmails(
  ctx: EmailContext,
  workshops: readonly WorkshopAggregate[],
  now: number,
  windowMs: number,
): PendingEmail[] {
  return reminders(
    ctx,
    workshops.map((agg) => ({ status: agg.workshop.status, mailed: workshopMailed(ctx, agg.workshop), registrations: agg.registrations })),
    now,
    windowMs,
  );
}
