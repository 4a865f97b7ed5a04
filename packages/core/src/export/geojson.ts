// SPDX-License-Identifier: EUPL-1.2
/**
 * Observations as GeoJSON (RFC 7946): a FeatureCollection of Points in WGS 84,
 * coordinates in [longitude, latitude] order. An observation located only in
 * words keeps its place in the collection with a `null` geometry (RFC 7946 §3.2).
 * Public by design: never the reporter's contact, nor a rejection's wording.
 */
import type { CityProfile } from '../city/city-profile.js';
import { findAxis, findOrganisation, findQuartier, findTheme, localName } from '../city/lookup.js';
import { toZonedISO } from '../dates.js';
import { label } from '../i18n.js';
import type { Observation, ObservationStatus, Polarity, Severity } from '../observation/observation.js';
import type { Walk } from '../walk/walk.js';
import { locate, photoUrls, walksById } from './shared.js';

export interface GeoJSONOptions {
  /** Language of names and labels; the city's by default. */
  readonly locale?: string;
  /** Walks of the observations: an observation without a point is placed at its stop. */
  readonly walks?: readonly Walk[];
  /** Base URL of photos that have no `url` of their own. */
  readonly baseMediaUrl?: string;
}

/** A GeoJSON Point: `[longitude, latitude]`. */
export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: readonly [number, number];
}

/** The public properties of an observation: no personal data. Unknown values are `null`. */
export interface ObservationProperties {
  readonly id: string;
  readonly status: ObservationStatus;
  readonly statusLabel: string;
  readonly polarity: Polarity;
  readonly polarityLabel: string;
  readonly themeId: string;
  readonly themeName: string | null;
  readonly axis: string | null;
  readonly axisName: string | null;
  readonly quartierId: string;
  readonly quartierName: string | null;
  readonly walkId: string | null;
  readonly stopId: string | null;
  readonly stopLabel: string | null;
  readonly address: string | null;
  /** Where the geometry comes from: the observation's own point, its stop's, or none. */
  readonly location: 'point' | 'stop' | 'none';
  readonly description: string;
  readonly severity: Severity | null;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly engagementId: string | null;
  readonly duplicateOf: string | null;
  /** ISO 8601 with the city's offset. */
  readonly recordedAt: string;
  readonly updatedAt: string;
  /** URLs of the photos (re-encoded on the device, without EXIF). */
  readonly photos: readonly string[];
}

export interface ObservationFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: PointGeometry | null;
  readonly properties: ObservationProperties;
}

export interface ObservationFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly ObservationFeature[];
}

/** One observation as a GeoJSON Feature. */
export function toGeoJSONFeature(observation: Observation, city: CityProfile, options: GeoJSONOptions = {}): ObservationFeature {
  return feature(observation, city, options, walksById(options.walks));
}

function feature(
  observation: Observation,
  city: CityProfile,
  options: GeoJSONOptions,
  walks: ReadonlyMap<string, Walk>,
): ObservationFeature {
  const locale = options.locale ?? city.locale;
  const where = locate(observation, walks);
  const theme = findTheme(city, observation.themeId);
  const axis = theme ? findAxis(city, theme.axis) : undefined;
  const organisation = findOrganisation(city, observation.organisationId);
  return {
    type: 'Feature',
    id: observation.id,
    geometry: where.point ? { type: 'Point', coordinates: [where.point.lon, where.point.lat] } : null,
    properties: {
      id: observation.id,
      status: observation.status,
      statusLabel: label(`observation.status.${observation.status}`, locale),
      polarity: observation.polarity,
      polarityLabel: label(`polarity.${observation.polarity}`, locale),
      themeId: observation.themeId,
      themeName: theme ? localName(theme, locale) : null,
      axis: theme?.axis ?? null,
      axisName: axis ? localName(axis, locale) : null,
      quartierId: observation.quartierId,
      quartierName: findQuartier(city, observation.quartierId)?.name ?? null,
      walkId: observation.walkId ?? null,
      stopId: observation.stopId ?? null,
      stopLabel: where.stop?.label ?? null,
      address: observation.address ?? null,
      location: where.from,
      description: observation.description,
      severity: observation.severity ?? null,
      organisationId: observation.organisationId ?? null,
      organisationName: organisation?.name ?? null,
      engagementId: observation.engagementId ?? null,
      duplicateOf: observation.duplicateOf ?? null,
      recordedAt: toZonedISO(observation.recordedAt, city.timezone),
      updatedAt: toZonedISO(observation.updatedAt, city.timezone),
      photos: photoUrls(observation.photos, options.baseMediaUrl),
    },
  };
}

/**
 * The text of a FeatureCollection in pieces, for a file sent as it is read: `head`, then each
 * feature's `JSON.stringify` with `separator` between two, then `tail`. The same bytes as
 * `JSON.stringify(toGeoJSON(…))` of the same observations.
 */
export const GEOJSON_COLLECTION_TEXT = { head: '{"type":"FeatureCollection","features":[', separator: ',', tail: ']}' } as const;

/**
 * Observations as an RFC 7946 FeatureCollection, for a map or a GIS. The caller
 * chooses which observations are public (e.g. leaves out rejected ones).
 * `JSON.stringify` the result to serve it as `application/geo+json`.
 */
export function toGeoJSON(
  observations: readonly Observation[],
  city: CityProfile,
  options: GeoJSONOptions = {},
): ObservationFeatureCollection {
  const walks = walksById(options.walks);
  return {
    type: 'FeatureCollection',
    features: observations.map((o) => feature(o, city, options, walks)),
  };
}
