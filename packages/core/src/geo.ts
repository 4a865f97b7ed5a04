// SPDX-License-Identifier: EUPL-1.2
/**
 * Geography: points, quartiers' boundaries (GeoJSON polygons, RFC 7946) and
 * the quartier a point lies in. Coordinates are WGS 84; GeoJSON positions are
 * `[longitude, latitude]`, a {@linkcode GeoPoint} names its fields.
 */
import * as z from 'zod/mini';
import type { CityProfile, Quartier } from './city/city-profile.js';
import { guspError } from './i18n.js';
import { err, ok, type Result } from './result.js';

/** A point in WGS 84 (GeoJSON order is lon/lat; here the fields are named). */
export const GeoPoint = /* @__PURE__ */ z.object({
  lat: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(-90), /* @__PURE__ */ z.lte(90)),
  lon: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(-180), /* @__PURE__ */ z.lte(180)),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** At most this many positions in one ring (the JSON Schema says it too). */
export const MAX_RING_POSITIONS = 10_000;
/** At most this many positions in one quartier's boundary, all rings together (checked by `parseCity`). */
export const MAX_BOUNDARY_POSITIONS = 20_000;
/** At most this many rings in a polygon, and polygons in a multipolygon. */
const MAX_PARTS = 50;

/** A GeoJSON position: `[longitude, latitude]`, WGS 84 (no altitude). */
export const GeoPosition = /* @__PURE__ */ z.tuple([
  /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(-180), /* @__PURE__ */ z.lte(180)),
  /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(-90), /* @__PURE__ */ z.lte(90)),
]);
export type GeoPosition = z.infer<typeof GeoPosition>;

/**
 * A linear ring: at least 4 positions, the last equal to the first (RFC 7946
 * §3.1.6; `parseCity` checks that it is closed). The first ring of a polygon
 * is its outline, the others its holes.
 */
export const LinearRing = /* @__PURE__ */ z
  .array(GeoPosition)
  .check(/* @__PURE__ */ z.minLength(4), /* @__PURE__ */ z.maxLength(MAX_RING_POSITIONS));
export type LinearRing = z.infer<typeof LinearRing>;

const rings = /* @__PURE__ */ z.array(LinearRing).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_PARTS));
const bbox = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.number()));

/** A GeoJSON Polygon: an outline and its holes. */
export const PolygonGeometry = /* @__PURE__ */ z.strictObject({
  type: /* @__PURE__ */ z.literal('Polygon'),
  coordinates: rings,
  bbox,
});
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

/** A GeoJSON MultiPolygon: several polygons (a quartier in two parts). */
export const MultiPolygonGeometry = /* @__PURE__ */ z.strictObject({
  type: /* @__PURE__ */ z.literal('MultiPolygon'),
  coordinates: /* @__PURE__ */ z.array(rings).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_PARTS)),
  bbox,
});
export type MultiPolygonGeometry = z.infer<typeof MultiPolygonGeometry>;

/** A quartier's boundary: a GeoJSON Polygon or MultiPolygon, `[lon, lat]` in WGS 84. */
export const Boundary = /* @__PURE__ */ z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type Boundary = z.infer<typeof Boundary>;

/** The polygons of a boundary, each as its rings. */
export const polygonsOf = (boundary: Boundary): readonly (readonly LinearRing[])[] =>
  boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;

/** Whether a ring is closed: its last position is its first. */
export const ringClosed = (ring: readonly (readonly number[])[]): boolean => {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
};

/**
 * Whether a point is inside a ring: ray casting on longitude/latitude as plane
 * coordinates, exact enough at a city's scale (no ring crosses the antimeridian
 * or a pole there). A point on an edge may fall either side, but always the same.
 */
export function pointInRing(point: GeoPoint, ring: readonly (readonly number[])[]): boolean {
  const x = point.lon;
  const y = point.lat;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as readonly number[];
    const [xj = 0, yj = 0] = ring[j] as readonly number[];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point is inside a polygon (its outline, not one of its holes) or one of a multipolygon's. */
export function pointInBoundary(point: GeoPoint, boundary: Boundary): boolean {
  return polygonsOf(boundary).some(
    ([outline, ...holes]) => outline !== undefined && pointInRing(point, outline) && !holes.some((h) => pointInRing(point, h)),
  );
}

/** Whether any quartier of the city has a boundary: then the shapes, not the centres, say where a point is. */
export const hasBoundaries = (city: Pick<CityProfile, 'quartiers'>): boolean => city.quartiers.some((q) => q.boundary !== undefined);

/** The quartier whose centre is nearest to `point` (the rule of profiles without shapes); none without centres. */
export function nearestCentre(city: Pick<CityProfile, 'quartiers'>, point: GeoPoint): Quartier | undefined {
  let best: { quartier: Quartier; d: number } | undefined;
  for (const q of city.quartiers) {
    if (!q.centre) continue;
    const dLat = q.centre.lat - point.lat;
    const dLon = (q.centre.lon - point.lon) * Math.cos((point.lat * Math.PI) / 180);
    const d = dLat * dLat + dLon * dLon;
    if (!best || d < best.d) best = { quartier: q, d };
  }
  return best?.quartier;
}

/**
 * The quartier a point is filed under. When the profile draws quartiers
 * (`boundary`), it is the one whose shape contains the point, and a point
 * outside every shape is refused with `geo.outside-city` (a quartier without a
 * shape is then reached only by naming it). A profile without any shape keeps
 * the older rule: the quartier of the nearest centre (`undefined` without
 * centres either).
 */
export function quartierOf(city: CityProfile, point: GeoPoint, locale?: string): Result<Quartier | undefined> {
  if (!hasBoundaries(city)) return ok(nearestCentre(city, point));
  const found = city.quartiers.find((q) => q.boundary !== undefined && pointInBoundary(point, q.boundary));
  if (found) return ok(found);
  return err(guspError('geo.outside-city', locale ?? city.locale, { lat: point.lat, lon: point.lon, city: city.name }));
}
