// SPDX-License-Identifier: EUPL-1.2
import { expect } from '@open-wc/testing';
import { dayIn, lastDayListed, onTheDay } from './day-list.js';

const PARIS = 'Europe/Paris';
/** 23:45 in Paris on 2 December 2026 (22:45 UTC). */
const LATE = new Date('2026-12-02T23:45:00+01:00');

describe('the day screen’s list: which gatherings are « du jour »', () => {
  it('today’s, in the city’s calendar, not UTC’s', () => {
    expect(dayIn(PARIS, LATE)).to.equal('2026-12-02');
    expect(dayIn(PARIS, new Date('2026-12-02T23:30:00Z'))).to.equal('2026-12-03');
    expect(onTheDay('2026-12-02T09:00:00+01:00', LATE, PARIS, 30)).to.equal(true);
    expect(onTheDay('2026-12-03T09:00:00+01:00', LATE, PARIS, 30)).to.equal(false);
    expect(onTheDay('2026-12-01T23:50:00+01:00', LATE, PARIS, 30)).to.equal(false);
  });

  it('what may be started already, even after midnight: within the city’s early start, never past', () => {
    // A walk at 00:05 may be started from 23:35: on the list at 23:45, and fetched with tomorrow's date.
    expect(onTheDay('2026-12-03T00:05:00+01:00', LATE, PARIS, 30)).to.equal(true);
    expect(lastDayListed(LATE, PARIS, 30)).to.equal('2026-12-03');
    // Not with a quarter of an hour's early start, nor at 00:20.
    expect(onTheDay('2026-12-03T00:05:00+01:00', LATE, PARIS, 15)).to.equal(false);
    expect(onTheDay('2026-12-03T00:20:00+01:00', LATE, PARIS, 30)).to.equal(false);
    // At noon, only today is fetched.
    expect(lastDayListed(new Date('2026-12-02T12:00:00+01:00'), PARIS, 30)).to.equal('2026-12-02');
  });
});
