// SPDX-License-Identifier: EUPL-1.2
/**
 * A static map of a walk's route for paper: the stops that have a point, numbered in the route's
 * order (the numbers of the ordered list beside it), joined by the route's line, over the
 * quartier's boundary when the profile has one. Plain SVG text, no script, nothing external, so
 * the day sheet stays one standalone page that prints the same everywhere; black on white with a
 * dashed outline and numbers, never colour alone.
 */
import type { Quartier } from '../city/city-profile.js';
import { escapeHtml } from '../export/report-html.js';
import { polygonsOf, type GeoPoint } from '../geo.js';
import type { Walk } from './walk.js';

export interface RouteSvgOptions {
  /** The map's accessible name (its `<title>`, and the `aria-labelledby` of `role="img"`). */
  readonly title: string;
  /** What the drawing shows, in words (its `<desc>`). */
  readonly description?: string;
  /** Prefix of the `<title>`/`<desc>` ids, unique in the page; `route-map` by default. */
  readonly id?: string;
  /** Width of the view box; 600 by default (the height follows the shape, 240 to 600). */
  readonly width?: number;
}

/** Room around the drawing, so that a marker on the edge is whole. */
const PAD = 24;
const RADIUS = 12;
/** A frame this small (in degrees) when everything is on one spot. */
const MIN_SPAN = 0.002;

const num = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The SVG of `walk`'s route over `quartier`'s boundary, or `''` when there is nothing to place:
 * no stop with a point, or a single point and no boundary to place it in.
 */
export function routeSvg(walk: Pick<Walk, 'stops'>, quartier: Pick<Quartier, 'boundary'> | undefined, options: RouteSvgOptions): string {
  const placed = walk.stops.flatMap((stop, i) => (stop.point ? [{ n: i + 1, point: stop.point }] : []));
  const polygons = quartier?.boundary ? polygonsOf(quartier.boundary) : [];
  if (placed.length === 0 || (placed.length === 1 && polygons.length === 0)) return '';

  const all: GeoPoint[] = [
    ...placed.map((p) => p.point),
    ...polygons.flatMap((rings) => (rings[0] ?? []).map(([lon, lat]) => ({ lon, lat }))),
  ];
  let minLon = Math.min(...all.map((p) => p.lon));
  let maxLon = Math.max(...all.map((p) => p.lon));
  let minLat = Math.min(...all.map((p) => p.lat));
  let maxLat = Math.max(...all.map((p) => p.lat));
  if (maxLat - minLat < MIN_SPAN) [minLat, maxLat] = [(minLat + maxLat) / 2 - MIN_SPAN / 2, (minLat + maxLat) / 2 + MIN_SPAN / 2];
  // Equirectangular, a degree of longitude shortened by the latitude's cosine: true enough for a quartier.
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  if ((maxLon - minLon) * k < MIN_SPAN)
    [minLon, maxLon] = [(minLon + maxLon) / 2 - MIN_SPAN / 2 / k, (minLon + maxLon) / 2 + MIN_SPAN / 2 / k];
  const spanX = (maxLon - minLon) * k;
  const spanY = maxLat - minLat;
  const width = Math.max(200, Math.min(2000, Math.round(options.width ?? 600)));
  const height = Math.max(240, Math.min(600, Math.round(((width - 2 * PAD) * spanY) / spanX + 2 * PAD)));
  const scale = Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD) / spanY);
  const dx = (width - spanX * scale) / 2;
  const dy = (height - spanY * scale) / 2;
  const x = (lon: number) => dx + (lon - minLon) * k * scale;
  const y = (lat: number) => dy + (maxLat - lat) * scale;

  /** A ring as a path, the positions that fall on the same tenth of a unit as the previous left out. */
  const ring = (positions: readonly (readonly number[])[]): string => {
    const parts: string[] = [];
    for (const [lon = 0, lat = 0] of positions) {
      const part = `${num(x(lon))} ${num(y(lat))}`;
      if (parts.at(-1) !== part) parts.push(part);
    }
    return parts.length > 2 ? `M${parts.join('L')}Z` : '';
  };
  const shape = polygons.flatMap((rings) => rings.map(ring)).join('');

  const id = options.id ?? 'route-map';
  const e = escapeHtml;
  const desc = options.description?.trim() ? `<desc id="${e(id)}-desc">${e(options.description.trim())}</desc>\n` : '';
  const line =
    placed.length > 1
      ? `<polyline class="route-line" points="${placed.map((p) => `${num(x(p.point.lon))},${num(y(p.point.lat))}`).join(' ')}" fill="none" stroke="#1a1a1a" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>\n`
      : '';
  const markers = placed
    .map(
      (p) =>
        `<g class="stop" data-stop="${p.n}"><circle cx="${num(x(p.point.lon))}" cy="${num(y(p.point.lat))}" r="${RADIUS}" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>` +
        `<text x="${num(x(p.point.lon))}" y="${num(y(p.point.lat))}" dy=".35em" text-anchor="middle" font-size="13" font-weight="700" font-family="system-ui, sans-serif" fill="#1a1a1a">${p.n}</text></g>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="route-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${e(id)}-title"${
    desc ? ` aria-describedby="${e(id)}-desc"` : ''
  }>
<title id="${e(id)}-title">${e(options.title)}</title>
${desc}${shape ? `<path class="boundary" d="${shape}" fill="#f2f2f2" fill-rule="evenodd" stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="6 4"/>\n` : ''}${line}${markers}
</svg>`;
}
