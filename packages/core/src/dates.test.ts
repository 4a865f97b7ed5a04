// SPDX-License-Identifier: EUPL-1.2
import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDay, daysBetween, toZonedISO, yearOf } from './dates.js';
import { localTimeBefore, plusMinutes } from './zoned-time.js';

const ZONES = ['Europe/Paris', 'America/Montreal', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'];

describe('toZonedISO and calendarDay (memoised offsets)', () => {
  it('agree with @date-fns/tz every 2 h 7 min 13 s over three years, in zones with DST, half and quarter hours', () => {
    for (const tz of ZONES) {
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 127 * 60_000 + 13_000) {
        const expected = formatISO(new TZDate(ms, tz));
        assert.equal(toZonedISO(new Date(ms), tz), expected);
        assert.equal(calendarDay(new Date(ms), tz), expected.slice(0, 10));
      }
    }
  });

  it('writes the offset of the instant, on both sides of the March and October changes in Paris', () => {
    assert.equal(toZonedISO('2026-03-29T00:59:59Z', 'Europe/Paris'), '2026-03-29T01:59:59+01:00');
    assert.equal(toZonedISO('2026-03-29T01:00:00Z', 'Europe/Paris'), '2026-03-29T03:00:00+02:00');
    assert.equal(toZonedISO('2026-10-25T00:59:59Z', 'Europe/Paris'), '2026-10-25T02:59:59+02:00');
    assert.equal(toZonedISO('2026-10-25T01:00:00Z', 'Europe/Paris'), '2026-10-25T02:00:00+01:00');
  });
});

describe('yearOf', () => {
  it('returns the year of the city calendar, not of UTC', () => {
    assert.equal(yearOf('2026-12-31T23:30:00Z', 'Europe/Paris'), 2027);
    assert.equal(yearOf('2026-12-31T23:30:00Z', 'America/Montreal'), 2026);
  });
});

describe('localTimeBefore', () => {
  it('gives the day before at 18:00 local time across DST changes', () => {
    assert.equal(localTimeBefore('2026-03-29T09:00:00+02:00', 'Europe/Paris', 1, 18, 0), '2026-03-28T18:00:00+01:00');
    assert.equal(localTimeBefore('2026-10-25T09:00:00+01:00', 'Europe/Paris', 1, 18, 0), '2026-10-24T18:00:00+02:00');
  });
});

describe('plusMinutes', () => {
  it('adds elapsed minutes and writes the offset of the instant reached, across DST changes', () => {
    assert.equal(plusMinutes('2026-03-29T01:30:00+01:00', 60, 'Europe/Paris'), '2026-03-29T03:30:00+02:00');
    assert.equal(plusMinutes('2026-10-25T02:30:00+02:00', 60, 'Europe/Paris'), '2026-10-25T02:30:00+01:00');
    assert.equal(plusMinutes('2026-03-14T09:00:00Z', 180, 'UTC'), '2026-03-14T12:00:00Z');
  });
});

describe('daysBetween', () => {
  it('counts calendar days whatever the DST change between them', () => {
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(daysBetween('2026-10-30', '2026-10-24'), -6);
  });
});
