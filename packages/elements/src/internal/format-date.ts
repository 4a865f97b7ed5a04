// SPDX-License-Identifier: EUPL-1.2
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Translation } from '../translations/index.js';

/**
 * When a walk happens, written the way people say it, in the city's time zone
 * whatever the visitor's: « samedi 14 mars 2026, de 9 h à 13 h ».
 */
export function formatTimeRange(startsAt: string, durationMinutes: number, timeZone: string, t: Translation): string {
  const start = new TZDate(new Date(startsAt).getTime(), timeZone);
  const end = new TZDate(start.getTime() + durationMinutes * 60_000, timeZone);
  const time = (d: TZDate) => format(d, t.timePattern(d.getMinutes() !== 0), { locale: t.dateLocale });
  return t.dateRange(format(start, t.dayPattern, { locale: t.dateLocale }), time(start), time(end));
}
