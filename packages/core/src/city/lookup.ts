// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile, Organisation, Quartier, Theme, ThemeAxis } from './city-profile.js';

export const findQuartier = (city: CityProfile, id: string | undefined): Quartier | undefined =>
  id === undefined ? undefined : city.quartiers.find((q) => q.id === id);
export const findTheme = (city: CityProfile, id: string | undefined): Theme | undefined =>
  id === undefined ? undefined : city.themes.find((t) => t.id === id);
export const findOrganisation = (city: CityProfile, id: string | undefined): Organisation | undefined =>
  id === undefined ? undefined : city.organisations.find((o) => o.id === id);
export const findAxis = (city: CityProfile, id: string | undefined): ThemeAxis | undefined =>
  id === undefined ? undefined : city.axes.find((a) => a.id === id);

/** A theme's or axis' name in a language, French (the profile's own) otherwise. */
export function localName(item: { name: string; translations?: Record<string, string> | undefined }, locale?: string): string {
  const tag = locale ?? 'fr';
  const t = item.translations;
  return t?.[tag] ?? t?.[tag.toLowerCase()] ?? t?.[tag.split('-')[0]?.toLowerCase() ?? ''] ?? item.name;
}
