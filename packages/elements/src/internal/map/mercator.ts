// SPDX-License-Identifier: EUPL-1.2
/**
 * Web Mercator (EPSG:3857) in pixels, as tiles and Leaflet count them: at zoom
 * `z` the world is 256 × 2^z pixels wide. The schematic map and the markers
 * over Leaflet's tiles are placed with these, so both agree to the pixel.
 */
export const TILE_SIZE = 256;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const RAD = Math.PI / 180;
const MAX_LAT = 85.0511287798;

/** The world pixel of a point at `zoom`. */
export function toPixel(p: LatLon, zoom: number): { x: number; y: number } {
  const size = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, p.lat)) * RAD);
  return { x: ((p.lon + 180) / 360) * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size };
}

/** The point at a world pixel at `zoom`. */
export function toLatLon(x: number, y: number, zoom: number): LatLon {
  const size = TILE_SIZE * 2 ** zoom;
  const n = Math.PI - (2 * Math.PI * y) / size;
  return { lat: Math.atan(Math.sinh(n)) / RAD, lon: (x / size) * 360 - 180 };
}

/** Distance in metres (haversine, mean Earth radius). */
export function distance(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** The direction from `a` to `b` on an 8-point compass: 0 north, 1 north-east … 7 north-west. */
export function compass(a: LatLon, b: LatLon): number {
  const y = Math.sin((b.lon - a.lon) * RAD) * Math.cos(b.lat * RAD);
  const x = Math.cos(a.lat * RAD) * Math.sin(b.lat * RAD) - Math.sin(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.cos((b.lon - a.lon) * RAD);
  const bearing = (Math.atan2(y, x) / RAD + 360) % 360;
  return Math.round(bearing / 45) % 8;
}

/** The zoom (fractional) at which the box of `points` fits in `width` × `height` pixels less `padding` on each side. */
export function fitZoom(points: readonly LatLon[], width: number, height: number, padding: number, maxZoom: number): number {
  if (points.length < 2) return maxZoom;
  const at0 = points.map((p) => toPixel(p, 0));
  const xs = at0.map((p) => p.x);
  const ys = at0.map((p) => p.y);
  const dx = Math.max(...xs) - Math.min(...xs);
  const dy = Math.max(...ys) - Math.min(...ys);
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const zoom = Math.log2(Math.min(dx > 0 ? w / dx : Infinity, dy > 0 ? h / dy : Infinity));
  return Number.isFinite(zoom) ? Math.min(maxZoom, zoom) : maxZoom;
}

/** The centre of the box of `points`, in world pixels at zoom 0 turned back to a point. */
export function boxCentre(points: readonly LatLon[]): LatLon {
  const at0 = points.map((p) => toPixel(p, 0));
  const xs = at0.map((p) => p.x);
  const ys = at0.map((p) => p.y);
  return toLatLon((Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2, 0);
}
