// SPDX-License-Identifier: EUPL-1.2
/**
 * Which emails an event of the journal makes, and which reminders are due:
 * pure functions of the event and the walk as it is now (no database, no SMTP),
 * so what people are told can be tested on its own.
 */
import {
  reportToMarkdown,
  toICalendar,
  waitlistPosition,
  type CityProfile,
  type ICalendarOrganizer,
  type Registration,
  type Walk,
  type WalkAggregate,
} from '@gusp/core';
import { walkPageUrl } from '../routes/walks.js';
import { photoUrl } from '../photos.js';
import type { OrganisationRecipients, Restitution } from './restitution.js';
import { renderNotification, type NotificationKind, type TemplateInput } from './templates.js';

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

/** The emails of one kind to one registrant, or none when they have no email (or were anonymised, or are made up). */
/**
 * The emails whose calendar attachment removes the walk's event (iTIP CANCEL, `STATUS:CANCELLED`) rather than
 * adding or updating it: the walk is cancelled, or the person's place on it is (cancelled for her by staff, removed).
 */
const REMOVES_THE_EVENT: ReadonlySet<NotificationKind> = new Set(['walk-cancelled', 'registration-cancelled', 'registration-removed']);

function emailTo(
  ctx: EmailContext,
  dedupKey: string,
  kind: NotificationKind,
  walk: Walk,
  r: Registration,
  extra: { position?: number | undefined; reason?: string; ics?: boolean; day?: TemplateInput['day']; reportText?: string } = {},
): PendingEmail | undefined {
  if (!r.email || r.anonymised || neverEmailed(r.email)) return undefined;
  const { city, publicUrl } = ctx;
  const locale = r.locale || city.locale;
  const when = new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: city.timezone,
  }).format(new Date(walk.startsAt));
  const { subject, body } = renderNotification(kind, locale, {
    name: r.name,
    walk,
    quartier: city.quartiers.find((q) => q.id === walk.quartierId)?.name ?? walk.quartierId,
    when,
    position: extra.position,
    day: extra.day,
    reason: extra.reason,
    reportText: extra.reportText,
    cancelUrl: `${publicUrl}/annulation?walk=${encodeURIComponent(walk.id)}&registration=${encodeURIComponent(r.id)}&token=${encodeURIComponent(r.cancelToken)}`,
    reportUrl: reportPageUrl(publicUrl, walk.id),
    walkUrl: walkPageUrl(publicUrl, walk.id),
  });
  return {
    dedupKey,
    kind,
    recipient: r.email,
    locale,
    subject,
    body,
    ics: extra.ics
      ? toICalendar(walk, city, {
          locale,
          url: () => walkPageUrl(publicUrl, walk.id),
          // An iTIP message (RFC 6047): CANCEL removes the event from the calendar, PUBLISH adds or updates it;
          // the MIME part repeats this METHOD (smtp.ts reads it back), as §2.4 requires.
          method: REMOVES_THE_EVENT.has(kind) ? 'CANCEL' : 'PUBLISH',
          ...(ctx.from ? { organizer: organizerOf(ctx.from) } : {}),
        })
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
    const e = emailTo(ctx, `${Number(event.position)}:${r.id}`, 'report-shared', agg.walk, r, text ? { reportText: text } : {});
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
      walk: agg.walk,
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
 * The emails one event calls for, from the walk as it is now (personal data purged: none). For a shared
 * compte-rendu, `more.restitution` says who it reaches (the notifier looks the organisations' accounts up).
 */
export function eventEmails(
  ctx: EmailContext,
  event: WalkEvent,
  agg: WalkAggregate | undefined,
  more: { readonly restitution?: Restitution | undefined } = {},
): PendingEmail[] {
  if (!agg) return [];
  const key = (r: Registration) => `${Number(event.position)}:${r.id}`;
  const current = (id: string) => agg.registrations.find((r) => r.id === id);
  const active = agg.registrations.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
  const out: (PendingEmail | undefined)[] = [];
  switch (event.type) {
    case 'ParticipantRegistered': {
      const data = event.data as { registration: Registration; position?: number };
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
            agg.walk,
            { ...r, status: data.registration.status },
            // The event does not carry the position: it is the person's place on the list now (FIFO), which
            // is also true when the email goes out late, after others left the list.
            { ics: !waitlisted, position: data.position ?? (waitlisted ? waitlistPosition(agg.registrations, r.id) : undefined) },
          ),
        );
      }
      break;
    }
    case 'ParticipantPromoted': {
      const r = current((event.data as { registrationId: string }).registrationId);
      if (r) out.push(emailTo(ctx, key(r), 'promoted', agg.walk, r, { ics: true }));
      break;
    }
    // A walk-in (`WalkInRegistered`) is there already: no confirmation, nothing else to tell them but the compte-rendu.
    case 'RegistrationCancelled': {
      // Staff cancelled for the person (`by`: who phoned to say she cannot come): she is told it is done. Her
      // own cancellation (with her token, on the cancellation page) needs no email: she saw it happen.
      // The staff's note (`reason`) is theirs, not quoted.
      if (event.data.by === undefined) break;
      const r = current((event.data as { registrationId: string }).registrationId);
      // With a CANCEL of the walk's event: the invitation she had added to her calendar goes away too.
      if (r) out.push(emailTo(ctx, key(r), 'registration-cancelled', agg.walk, r, { ics: true }));
      break;
    }
    case 'RegistrationRemoved': {
      // Told in staff's words: the reason is about this person and theirs to read (an export shows it too).
      const r = current((event.data as { registrationId: string }).registrationId);
      const reason = typeof event.data.reason === 'string' ? event.data.reason : '';
      if (r) out.push(emailTo(ctx, key(r), 'registration-removed', agg.walk, r, { reason, ics: true }));
      break;
    }
    case 'WalkCancelled':
      for (const r of active)
        out.push(
          emailTo(ctx, key(r), 'walk-cancelled', agg.walk, r, {
            reason: typeof event.data.reason === 'string' ? event.data.reason : '',
            ics: true,
          }),
        );
      break;
    case 'WalkRescheduled':
      for (const r of active)
        out.push(
          emailTo(ctx, key(r), 'walk-rescheduled', agg.walk, r, {
            ics: true,
            ...(typeof event.data.reason === 'string' ? { reason: event.data.reason } : {}),
          }),
        );
      break;
    case 'ReportShared':
      out.push(...reportSharedEmails(ctx, event, agg, more.restitution));
      break;
    default:
      break;
  }
  return out.filter((e): e is PendingEmail => e !== undefined);
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

/**
 * The reminders due at `now`: confirmed people of open or closed walks
 * starting within `windowMs`. Once per person and walk time (dedup key): a
 * rescheduled walk reminds again.
 */
export function reminderEmails(ctx: EmailContext, walks: readonly WalkAggregate[], now: number, windowMs: number): PendingEmail[] {
  const out: PendingEmail[] = [];
  for (const agg of walks) {
    const start = Date.parse(agg.walk.startsAt);
    if (!['open', 'closed'].includes(agg.walk.status) || start <= now || start - now > windowMs) continue;
    for (const r of agg.registrations) {
      if (r.status !== 'confirmed') continue;
      const e = emailTo(ctx, `reminder:${agg.walk.id}:${agg.walk.startsAt}:${r.id}`, 'reminder', agg.walk, r, {
        day: dayWord(start, now, ctx.city.timezone),
      });
      if (e) out.push(e);
    }
  }
  return out;
}
