// SPDX-License-Identifier: EUPL-1.2
/**
 * Observations as GeoJSON (RFC 7946): a FeatureCollection of Points in WGS 84,
 * coordinates in [longitude, latitude] order. An observation located only in
 * words keeps its place in the collection with a `null` geometry (RFC 7946 §3.2).
 * Public by design: never the reporter's contact, nor a rejection's wording.
 * Walks (their route as a LineString, their stops as Points) and the city's
 * quartiers (their boundaries) are FeatureCollections too.
 */
import type { CityProfile, GeoPoint } from '../city/city-profile.js';
import { findAxis, findOrganisation, findQuartier, findTheme, localName } from '../city/lookup.js';
import { toZonedISO } from '../dates.js';
import type { Boundary, GeoPosition, LinearRing } from '../geo.js';
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

/* ------------------------------------------------------------ walks and quartiers */

/** A GeoJSON LineString: the route, `[longitude, latitude]` stop after stop. */
export interface LineStringGeometry {
  readonly type: 'LineString';
  readonly coordinates: readonly (readonly [number, number])[];
}

/** What every feature of a walk says of it: public, as its card shows it. */
export interface WalkFeatureBase {
  readonly walkId: string;
  readonly walkTitle: string | null;
  readonly quartierId: string;
  readonly quartierName: string | null;
  /** ISO 8601 with the city's offset. */
  readonly startsAt: string;
}

/** The route of a walk: its stops that have a point, in the route's order. */
export interface WalkRouteProperties extends WalkFeatureBase {
  readonly kind: 'route';
  /** The stops the line goes through, in order (those with a point). */
  readonly stopIds: readonly string[];
  /** Every stop of the route, with a point or not. */
  readonly stopCount: number;
}

/** One stop of a walk; the first is the meeting point. */
export interface WalkStopProperties extends WalkFeatureBase {
  readonly kind: 'stop';
  readonly stopId: string;
  /** 1 for the first stop (the meeting point), 2 for the next… */
  readonly position: number;
  readonly label: string;
  readonly description: string | null;
}

export interface WalkRouteFeature {
  readonly type: 'Feature';
  readonly id: string;
  /** `null` when fewer than two stops have a point: a line needs two positions. */
  readonly geometry: LineStringGeometry | null;
  readonly properties: WalkRouteProperties;
}

export interface WalkStopFeature {
  readonly type: 'Feature';
  readonly id: string;
  /** `null` for a stop said in words only: it keeps its place in the route's order. */
  readonly geometry: PointGeometry | null;
  readonly properties: WalkStopProperties;
}

export type WalkFeature = WalkRouteFeature | WalkStopFeature;

export interface WalkFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly WalkFeature[];
}

const position = (p: { lat: number; lon: number }): [number, number] => [p.lon, p.lat];

/**
 * The features of one walk: its route as a LineString (`id` `{walkId}/route`),
 * then each stop as a Point (`{walkId}/stops/{stopId}`), in the route's order.
 * A walk is public once published: the caller leaves drafts out.
 */
export function walkFeatures(walk: Walk, city: CityProfile): WalkFeature[] {
  const base: WalkFeatureBase = {
    walkId: walk.id,
    walkTitle: walk.title ?? null,
    quartierId: walk.quartierId,
    quartierName: findQuartier(city, walk.quartierId)?.name ?? null,
    startsAt: toZonedISO(walk.startsAt, city.timezone),
  };
  const placed = walk.stops.filter((s) => s.point !== undefined);
  const route: WalkRouteFeature = {
    type: 'Feature',
    id: `${walk.id}/route`,
    geometry: placed.length >= 2 ? { type: 'LineString', coordinates: placed.map((s) => position(s.point as GeoPoint)) } : null,
    properties: { ...base, kind: 'route', stopIds: placed.map((s) => s.id), stopCount: walk.stops.length },
  };
  const stops = walk.stops.map((s, i): WalkStopFeature => ({
    type: 'Feature',
    id: `${walk.id}/stops/${s.id}`,
    geometry: s.point ? { type: 'Point', coordinates: position(s.point) } : null,
    properties: { ...base, kind: 'stop', stopId: s.id, position: i + 1, label: s.label, description: s.description ?? null },
  }));
  return [route, ...stops];
}

/** Walks as an RFC 7946 FeatureCollection: each walk's route, then its stops (see {@linkcode walkFeatures}). */
export function walksToGeoJSON(walks: readonly Walk[], city: CityProfile): WalkFeatureCollection {
  return { type: 'FeatureCollection', features: walks.flatMap((w) => walkFeatures(w, city)) };
}

/** A quartier's public properties, from the city profile. */
export interface QuartierProperties {
  readonly id: string;
  readonly name: string;
  /** A QPV (quartier prioritaire de la politique de la ville). */
  readonly priority: boolean;
  readonly qpvCode: string | null;
  /** `[longitude, latitude]` of the centre a map opens on, or `null`. */
  readonly centre: readonly [number, number] | null;
  /** `true`: the shape is drawn by hand, not the official perimeter. */
  readonly approximate: boolean;
  readonly boundarySource: string | null;
}

export interface QuartierFeature {
  readonly type: 'Feature';
  readonly id: string;
  /** The quartier's boundary, rings in RFC 7946 order; `null` for a quartier without one. */
  readonly geometry: Boundary | null;
  readonly properties: QuartierProperties;
}

export interface QuartierFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly QuartierFeature[];
}

/** Twice the signed area of a ring (shoelace, lon/lat as plane coordinates): positive when counter-clockwise. */
const signedArea = (ring: LinearRing): number => {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as GeoPosition;
    const [x2, y2] = ring[i + 1] as GeoPosition;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
};
/** A ring turned the way RFC 7946 §3.1.6 says (the right-hand rule): outlines counter-clockwise, holes clockwise. */
const wound = (ring: LinearRing, outline: boolean): LinearRing => (signedArea(ring) > 0 === outline ? ring : [...ring].reverse());
const woundRings = (rings: readonly LinearRing[]): LinearRing[] => rings.map((r, i) => wound(r, i === 0));

/** A boundary as RFC 7946 writes it: rings wound by the right-hand rule, no `bbox` carried over. */
export function rfc7946Boundary(boundary: Boundary): Boundary {
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: woundRings(boundary.coordinates) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map(woundRings) };
}

/**
 * The city's quartiers as an RFC 7946 FeatureCollection, in the profile's order:
 * each one's boundary (or `null`) with its name, priority, QPV code and centre.
 */
export function quartiersToGeoJSON(city: CityProfile): QuartierFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: city.quartiers.map((q) => ({
      type: 'Feature',
      id: q.id,
      geometry: q.boundary ? rfc7946Boundary(q.boundary) : null,
      properties: {
        id: q.id,
        name: q.name,
        priority: q.priority,
        qpvCode: q.qpvCode ?? null,
        centre: q.centre ? position(q.centre) : null,
        approximate: q.approximate === true,
        boundarySource: q.boundarySource ?? null,
      },
    })),
  };
}
