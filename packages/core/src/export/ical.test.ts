// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tzOffset } from '@date-fns/tz';
import ICAL from 'ical.js';
import { valence } from '../city/valence.js';
import type { StopId, WalkId } from '../ids.js';
import { Walk } from '../walk/walk.js';
import { LONG_FRENCH_TEXT, walkFixture } from './fixtures.test-helpers.js';
import type { WalkEvent } from '../events.js';
import { foldWalk } from '../walk/walk.fold.js';
import { escapeText, feedName, foldLine, icalMethod, icalTimeZones, toICalendar, toICalendarFeed } from './ical.js';

/** Parses with ical.js after registering the output's own VTIMEZONE (else TZID is floating time). */
function parse(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return calendar;
}

function events(text: string): ICAL.Event[] {
  return parse(text)
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c));
}

const utc = (time: ICAL.Time): string => time.toJSDate().toISOString();

describe('toICalendar', () => {
  const walk = walkFixture();
  const text = toICalendar(walk, valence, { url: 'https://www.valence.fr/gusp/walks/walk_LePlan2026?x=1,2;3' });

  it('writes a valid walk (the fixture passes the schema)', () => {
    assert.equal(Walk.safeParse(walk).success, true);
  });

  it('is one VCALENDAR with one VEVENT and one VTIMEZONE, CRLF line ends only', () => {
    const calendar = parse(text);
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getAllSubcomponents('vevent').length, 1);
    assert.equal(calendar.getAllSubcomponents('vtimezone').length, 1);
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.equal(/[^\r]\n/.test(text), false, 'no bare LF');
    assert.equal(/\r[^\n]/.test(text), false, 'no bare CR');
  });

  it('has a stable UID, the walk sequence, CONFIRMED status and the Europe/Paris TZID', () => {
    const [event] = events(text);
    assert.ok(event);
    assert.equal(event.uid, 'walk-walk_LePlan2026@gusp');
    assert.equal(event.sequence, 0);
    assert.equal(event.component.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.match(text, /\r\nDTSTART;TZID=Europe\/Paris:20260314T090000\r\n/);
    assert.match(text, /\r\nDTEND;TZID=Europe\/Paris:20260314T130000\r\n/);
    assert.equal(utc(event.startDate), '2026-03-14T08:00:00.000Z');
    assert.equal(utc(event.endDate), '2026-03-14T12:00:00.000Z');
    assert.equal(event.startDate.zone?.tzid, 'Europe/Paris');
    assert.equal(toICalendar(walk, valence), toICalendar(walk, valence), 'pure: same input, same output');
  });

  it('writes DTSTAMP from the walk, or from `now`', () => {
    assert.match(text, /\r\nDTSTAMP:20260112T143000Z\r\n/);
    assert.match(toICalendar(walk, valence, { now: new Date('2026-02-01T10:11:12.345Z') }), /\r\nDTSTAMP:20260201T101112Z\r\n/);
  });

  it('names the event after the quartier, or uses the walk title', () => {
    assert.equal(events(text)[0]?.summary, 'Diagnostic en marchant – Le Plan');
    assert.equal(events(toICalendar(walk, valence, { locale: 'en' }))[0]?.summary, 'Neighbourhood walk – Le Plan');
    const titled = walkFixture({ title: 'Diagnostic de printemps, Le Plan; secteur nord' });
    assert.equal(events(toICalendar(titled, valence))[0]?.summary, 'Diagnostic de printemps, Le Plan; secteur nord');
  });

  it('escapes LOCATION (comma, semicolon) and the parser gives the label back', () => {
    assert.match(text, /LOCATION:Parvis de l’école Jean-Moulin\\, place des Bleuets\\; entrée B/);
    assert.equal(events(text)[0]?.location, 'Parvis de l’école Jean-Moulin, place des Bleuets; entrée B');
  });

  it('writes GEO as lat;lon', () => {
    assert.match(text, /\r\nGEO:44\.9205;4\.9128\r\n/);
    assert.deepEqual(events(text)[0]?.component.getFirstPropertyValue('geo'), [44.9205, 4.9128]);
    const noPoint = walkFixture({ meetingPoint: { label: 'Devant la mairie annexe' } });
    assert.equal(toICalendar(noPoint, valence).includes('GEO:'), false);
  });

  it('lists the stops in DESCRIPTION and gives the URL', () => {
    const event = events(text)[0];
    assert.ok(event);
    const lines = event.description.split('\n');
    assert.ok(lines.includes('1. Parvis de l’école Jean-Moulin'));
    assert.ok(lines.includes('2. Immeuble Les Bleuets – Salle commune rénovée par les habitants'));
    assert.ok(lines.includes('3. Aire de jeux rue Bizet'));
    assert.ok(lines.includes('Parcours\u00a0: '));
    assert.equal(event.component.getFirstPropertyValue('url'), 'https://www.valence.fr/gusp/walks/walk_LePlan2026?x=1,2;3');
  });

  it('marks a cancelled walk CANCELLED, keeping its UID, with the reason', () => {
    const cancelled = walkFixture({ status: 'cancelled', cancelReason: 'Alerte météo, orages', sequence: 2 });
    const [event] = events(toICalendar(cancelled, valence));
    assert.ok(event);
    assert.equal(event.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event.uid, 'walk-walk_LePlan2026@gusp');
    assert.equal(event.sequence, 2);
    assert.ok(event.description.startsWith('Ce diagnostic en marchant est annulé.\nMotif\u00a0: Alerte météo, orages\n'));
  });

  it('keeps 09:00 local on both sides of the March DST change', () => {
    const before = walkFixture({ id: 'before' as WalkId, startsAt: '2026-03-28T09:00:00+01:00' });
    const after = walkFixture({ id: 'after' as WalkId, startsAt: '2026-03-29T09:00:00+02:00' });
    const [a, b] = events(toICalendarFeed([before, after], valence));
    assert.ok(a && b);
    assert.equal(utc(a.startDate), '2026-03-28T08:00:00.000Z');
    assert.equal(utc(b.startDate), '2026-03-29T07:00:00.000Z');
    assert.equal(utc(b.endDate), '2026-03-29T11:00:00.000Z');
    assert.equal(a.startDate.hour, 9);
    assert.equal(b.startDate.hour, 9);
    // A walk that crosses the October change: 4 h of real time, 01:00 → 04:00 on the wall clock.
    const night = walkFixture({ id: 'night' as WalkId, startsAt: '2026-10-25T01:00:00+02:00' });
    const [n] = events(toICalendar(night, valence));
    assert.equal(utc(n!.startDate), '2026-10-24T23:00:00.000Z');
    assert.equal(utc(n!.endDate), '2026-10-25T03:00:00.000Z');
  });

  it('folds long French text at 75 octets without splitting a character, and unfolds it identically', () => {
    const long = walkFixture({
      title: LONG_FRENCH_TEXT.slice(0, 190),
      stops: [{ id: 'stop-long' as StopId, label: 'Les Bleuets', description: LONG_FRENCH_TEXT }],
    });
    const out = toICalendar(long, valence);
    const bytes = new TextEncoder().encode(out);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    let folded = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i);
        assert.ok(line.length <= 75, `line of ${line.length} octets`);
        decoder.decode(line); // throws if a multi-byte character was split
        if (line[0] === 0x20) folded++;
        start = i + 2;
      }
    }
    assert.ok(folded > 5, 'long lines were folded');
    const [event] = events(out);
    assert.equal(event?.summary, LONG_FRENCH_TEXT.slice(0, 190));
    assert.ok(event?.description.includes(`1. Les Bleuets – ${LONG_FRENCH_TEXT}`));
  });

  it('falls back to UTC times for a time zone it has no VTIMEZONE for', () => {
    const elsewhere = { ...valence, timezone: 'America/New_York' };
    const ny = walkFixture({ startsAt: '2026-03-28T09:00:00-04:00' });
    const out = toICalendar(ny, elsewhere);
    assert.equal(out.includes('VTIMEZONE'), false);
    assert.match(out, /\r\nDTSTART:20260328T130000Z\r\n/);
    assert.match(out, /\r\nDTEND:20260328T170000Z\r\n/);
    assert.equal(utc(events(out)[0]!.startDate), '2026-03-28T13:00:00.000Z');
  });
});

describe('toICalendarFeed', () => {
  it('writes one VTIMEZONE and one VEVENT per walk, with their own URLs', () => {
    const walks = [
      walkFixture({ id: 'w1' as WalkId }),
      walkFixture({ id: 'w2' as WalkId, startsAt: '2026-06-13T09:30:00+02:00', status: 'cancelled', sequence: 1 }),
      walkFixture({ id: 'w3' as WalkId, startsAt: '2026-10-10T14:00:00+02:00', durationMinutes: 180 }),
    ];
    const out = toICalendarFeed(walks, valence, { url: (w) => `https://www.valence.fr/gusp/${w.id}` });
    const calendar = parse(out);
    assert.equal(calendar.getAllSubcomponents('vtimezone').length, 1);
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Diagnostics en marchant – Valence');
    const evs = events(out);
    assert.deepEqual(
      evs.map((e) => [
        e.uid,
        e.component.getFirstPropertyValue('status'),
        utc(e.startDate),
        utc(e.endDate),
        e.component.getFirstPropertyValue('url'),
      ]),
      [
        ['walk-w1@gusp', 'CONFIRMED', '2026-03-14T08:00:00.000Z', '2026-03-14T12:00:00.000Z', 'https://www.valence.fr/gusp/w1'],
        ['walk-w2@gusp', 'CANCELLED', '2026-06-13T07:30:00.000Z', '2026-06-13T11:30:00.000Z', 'https://www.valence.fr/gusp/w2'],
        ['walk-w3@gusp', 'CONFIRMED', '2026-10-10T12:00:00.000Z', '2026-10-10T15:00:00.000Z', 'https://www.valence.fr/gusp/w3'],
      ],
    );
  });

  it('is a valid empty calendar for no walk', () => {
    const calendar = parse(toICalendarFeed([], valence));
    assert.equal(calendar.getAllSubcomponents('vevent').length, 0);
  });

  it('names a quartier’s feed after the quartier and the city, the city’s after the city (NAME and X-WR-CALNAME)', () => {
    const names = (out: string) => {
      const calendar = parse(out);
      return [calendar.getFirstPropertyValue('name'), calendar.getFirstPropertyValue('x-wr-calname')];
    };
    const plan = names(toICalendarFeed([walkFixture()], valence, { quartierId: 'le-plan' }));
    const polygone = names(toICalendarFeed([], valence, { quartierId: 'polygone' }));
    assert.deepEqual(plan, ['Diagnostics en marchant – Le Plan (Valence)', 'Diagnostics en marchant – Le Plan (Valence)']);
    assert.deepEqual(polygone, ['Diagnostics en marchant – Polygone (Valence)', 'Diagnostics en marchant – Polygone (Valence)']);
    assert.deepEqual(names(toICalendarFeed([], valence)), ['Diagnostics en marchant – Valence', 'Diagnostics en marchant – Valence']);
    assert.equal(feedName(valence, 'le-plan', 'en'), 'Neighbourhood walks – Le Plan (Valence)');
  });

  it('tells subscribers how often to read it again (REFRESH-INTERVAL, X-PUBLISHED-TTL)', () => {
    const calendar = parse(toICalendarFeed([], valence, { refreshMinutes: 120 }));
    assert.equal((calendar.getFirstPropertyValue('refresh-interval') as ICAL.Duration | null)?.toSeconds(), 7200);
    assert.equal(String(calendar.getFirstPropertyValue('x-published-ttl')), 'PT120M');
  });
});

describe('iTIP (email attachments)', () => {
  it('has no METHOD for a file served over HTTP', () => {
    const text = toICalendar(walkFixture(), valence);
    assert.equal(icalMethod(text), undefined);
    assert.equal(parse(text).getFirstPropertyValue('method'), null);
  });

  it('writes the METHOD asked for, once, in the VCALENDAR, with the ORGANIZER iTIP requires', () => {
    for (const method of ['PUBLISH', 'REQUEST', 'CANCEL'] as const) {
      const text = toICalendar(walkFixture(), valence, { method, organizer: { email: 'gusp@valence.fr', name: 'GUSP; Valence' } });
      const calendar = parse(text);
      assert.equal(calendar.getFirstPropertyValue('method'), method);
      assert.equal(icalMethod(text), method);
      assert.equal(text.match(/^METHOD:/gm)?.length, 1);
      const organizer = calendar.getFirstSubcomponent('vevent')?.getFirstProperty('organizer');
      assert.equal(organizer?.getFirstValue(), 'mailto:gusp@valence.fr');
      assert.equal(organizer?.getParameter('cn'), 'GUSP; Valence');
    }
  });

  it('says STATUS:CANCELLED with a CANCEL even for a walk still on (one person’s place removed), CONFIRMED otherwise', () => {
    const status = (method?: 'PUBLISH' | 'CANCEL') =>
      parse(toICalendar(walkFixture({ status: 'open' }), valence, method ? { method, organizer: { email: 'gusp@valence.fr' } } : {}))
        .getFirstSubcomponent('vevent')
        ?.getFirstPropertyValue('status');
    assert.deepEqual([status(), status('PUBLISH'), status('CANCEL')], ['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
  });
});

describe('SEQUENCE from the walk’s history', () => {
  const AT = '2026-03-01T10:00:00+01:00';
  const e = <T extends WalkEvent['type']>(type: T, data: Extract<WalkEvent, { type: T }>['data']) => ({ type, at: AT, data }) as WalkEvent;
  const scheduled = e('WalkScheduled', { walk: walkFixture({ status: 'draft' }) });
  const sequenceOf = (events: WalkEvent[]) => {
    const walk = foldWalk(events)?.walk;
    assert.ok(walk);
    const [fromFile] = parse(toICalendar(walk, valence)).getAllSubcomponents('vevent');
    const [fromFeed] = parse(toICalendarFeed([walk], valence)).getAllSubcomponents('vevent');
    const fromMail = parse(toICalendar(walk, valence, { method: 'CANCEL', organizer: { email: 'gusp@valence.fr' } })).getFirstSubcomponent(
      'vevent',
    );
    const sequences = [fromFile, fromFeed, fromMail].map((c) => c?.getFirstPropertyValue('sequence'));
    assert.equal(new Set(sequences).size, 1, 'file, feed and email agree');
    return sequences[0];
  };

  it('is 0 for a published walk, whatever happens to its registrations', () => {
    assert.equal(sequenceOf([scheduled, e('WalkPublished', {}), e('RegistrationsClosed', { automatic: false })]), 0);
  });

  it('is bumped by the cancellation of a walk never moved (it was 0: calendars kept the event as it was)', () => {
    assert.equal(sequenceOf([scheduled, e('WalkPublished', {}), e('WalkCancelled', { reason: 'Orages' })]), 1);
  });

  it('is bumped by each reschedule and then by the cancellation (the cancel mail repeated the reschedule’s 1)', () => {
    const moved = e('WalkRescheduled', { startsAt: '2026-03-21T09:00:00+01:00', registrationDeadline: '2026-03-20T18:00:00+01:00' });
    assert.equal(sequenceOf([scheduled, e('WalkPublished', {}), moved]), 1);
    assert.equal(sequenceOf([scheduled, e('WalkPublished', {}), moved, e('WalkCancelled', { reason: 'Orages' })]), 2);
  });
});

describe('built-in VTIMEZONEs', () => {
  it('agree with the platform time-zone database for every zone, around every change of 2026–2028', () => {
    const hour = 3_600_000;
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2029, 0, 1);
    let changes = 0;
    for (const timeZone of icalTimeZones()) {
      const offset = (ms: number) => tzOffset(timeZone, new Date(ms));
      const instants: number[] = [];
      const step = timeZone === 'Europe/Paris' ? 5 * 24 * hour + 7 * hour : 29 * 24 * hour + 5 * hour;
      for (let ms = from; ms < to; ms += step) instants.push(ms);
      // Every change of offset, found month by month, then day by day, then hour by hour.
      const day = 24 * hour;
      for (let year = 2026; year < 2029; year++) {
        for (let month = 0; month < 12; month++) {
          const first = Date.UTC(year, month, 1);
          const next = Date.UTC(year, month + 1, 1);
          if (offset(first) === offset(next)) continue;
          for (let d = first; d < next; d += day) {
            if (offset(d) === offset(d + day)) continue;
            for (let ms = d; ms < d + day; ms += hour) {
              if (offset(ms) === offset(ms + hour)) continue;
              changes++;
              for (let k = -3; k <= 4; k++) instants.push(ms + k * hour, ms + k * hour + 30 * 60_000);
            }
          }
        }
      }
      const city = { ...valence, timezone: timeZone };
      const walks = instants.map((ms, i) =>
        walkFixture({ id: `w${i}` as WalkId, startsAt: new Date(ms).toISOString(), durationMinutes: 30 }),
      );
      const out = toICalendarFeed(walks, city);
      assert.match(out, new RegExp(`TZID:${timeZone}\\r\\n`));
      events(out).forEach((event, i) => {
        const expected = instants[i]!;
        assert.equal(event.startDate.toJSDate().getTime(), expected, `${timeZone} start ${new Date(expected).toISOString()}`);
        assert.equal(event.endDate.toJSDate().getTime(), expected + 30 * 60_000, `${timeZone} end ${new Date(expected).toISOString()}`);
      });
    }
    assert.equal(changes, 6 * 39, 'three years of two changes for each of the 39 zones with summer time');
  });
});

describe('RFC 5545 helpers', () => {
  it('escapes TEXT', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(escapeText('tab\tok\u0007bell'), 'tab\tokbell');
  });

  it('folds at 75 octets, counting UTF-8', () => {
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    // 74 ASCII + "é" (2 octets) would be 76: the é moves to the next line whole.
    assert.equal(foldLine(`${'x'.repeat(74)}é`), `${'x'.repeat(74)}\r\n é`);
    // An emoji is 4 octets and 2 UTF-16 units: never split.
    const folded = foldLine(`${'x'.repeat(73)}🌳🌳`);
    assert.equal(folded, `${'x'.repeat(73)}\r\n 🌳🌳`);
  });
});
