// SPDX-License-Identifier: EUPL-1.2
import type { WalkSignupTexts } from '../translations/index.js';

/**
 * The tag `Intl` writes dates with for a language shown: bare English is
 * written the British way (« 14 March 2026 », as the sign-up's `intlLocale`
 * does), so that no element mixes "March 14, 2026" with "Saturday 14 March
 * 2026"; a region asked for (`en-US`, `fr-CA`) is kept.
 */
export function intlLocale(lang: string): string {
  return lang.toLowerCase() === 'en' ? 'en-GB' : lang;
}

/**
 * When a walk happens, written the way people say it, in the city's time zone
 * whatever the visitor's: « samedi 14 mars 2026, de 9 h à 13 h ».
 * Built on `Intl` (zero bytes shipped): the day comes from the browser's own
 * locale data, the hours from `formatToParts` in `timeZone`, worded by the
 * translation (« 9 h 30 », "9:30 am").
 */
export function formatTimeRange(startsAt: string, durationMinutes: number, timeZone: string, t: WalkSignupTexts): string {
  const start = new Date(startsAt).getTime();
  // The weekday runs into the date, as people write it (« samedi 14 mars 2026 », "Saturday 14 March 2026"):
  // some locale data puts a comma after it.
  const day = new Intl.DateTimeFormat(t.intlLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone })
    .formatToParts(start)
    .map((p) => (p.type === 'literal' ? p.value.replace(/,\s*/, ' ') : p.value))
    .join('');
  const clock = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone });
  const time = (ms: number): string => {
    const parts = clock.formatToParts(ms);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return t.timeOfDay(get('hour'), get('minute'));
  };
  return t.dateRange(day, time(start), time(start + durationMinutes * 60_000));
}
