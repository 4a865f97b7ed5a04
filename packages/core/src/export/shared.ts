// SPDX-License-Identifier: EUPL-1.2
/** Helpers shared by the exports: where an observation is, and where its photos are served. */
import type { GeoPoint } from '../city/city-profile.js';
import type { Observation, PhotoRef } from '../observation/observation.js';
import type { Stop, Walk } from '../walk/walk.js';

/** Where an observation is on a map: its own point, else its stop's point (when its walk is known). */
export interface ObservationLocation {
  readonly point: GeoPoint | undefined;
  /** `point` when the observation has its own, `stop` when borrowed from its stop, `none` otherwise. */
  readonly from: 'point' | 'stop' | 'none';
  readonly stop: Stop | undefined;
}

/** Walks by id, to find the stops of many observations at once. */
export const walksById = (walks: readonly Walk[] | undefined): ReadonlyMap<string, Walk> => new Map((walks ?? []).map((w) => [w.id, w]));

export function locate(observation: Observation, walks: ReadonlyMap<string, Walk>): ObservationLocation {
  const walk = observation.walkId === undefined ? undefined : walks.get(observation.walkId);
  const stop = observation.stopId === undefined ? undefined : walk?.stops.find((s) => s.id === observation.stopId);
  if (observation.point) return { point: observation.point, from: 'point', stop };
  if (stop?.point) return { point: stop.point, from: 'stop', stop };
  return { point: undefined, from: 'none', stop };
}

/**
 * The public URL of a photo: its own `url`, else `baseMediaUrl` followed by its id
 * (`https://gusp.example.fr/media/` + `abc` → `https://gusp.example.fr/media/abc`).
 */
export function photoUrl(photo: PhotoRef, baseMediaUrl?: string): string | undefined {
  if (photo.url) return photo.url;
  if (!baseMediaUrl) return undefined;
  return `${baseMediaUrl.replace(/\/+$/, '')}/${encodeURIComponent(photo.id)}`;
}

export const photoUrls = (photos: readonly PhotoRef[], baseMediaUrl?: string): string[] =>
  photos.flatMap((p) => {
    const url = photoUrl(p, baseMediaUrl);
    return url === undefined ? [] : [url];
  });

/** A label, or `fallback` when the catalogue has no such key (label() then returns the key itself). */
export const labelOr = (text: string, key: string, fallback: string): string => (text === key ? fallback : text);
