// SPDX-License-Identifier: EUPL-1.2
/**
 * Geography as open data (GeoJSON, RFC 7946): the city's quartiers with their
 * shapes, and the public walks (their route as a LineString, their stops as
 * Points), for a map or a GIS. Mapping is the core's (`quartiersToGeoJSON`,
 * `walksToGeoJSON`); drafts are never given.
 */
import { quartiersToGeoJSON, walksToGeoJSON } from '@gusp/core';
import type { Context } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { fileAnswer, route, type RouteGroup } from '../http/route.js';
import { publicWalks } from '../read/walks.js';

const GEOJSON = 'application/geo+json; charset=utf-8';

export function geoRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, refuse, unwrap } = deps;
  const { city } = gusp;
  const send = (c: Context<Env>, value: unknown) => c.body(JSON.stringify(value), 200, { 'Content-Type': GEOJSON });
  return {
    base: '/api',
    tag: 'open data',
    description: 'The city’s quartiers and its public walks as GeoJSON (RFC 7946).',
    routes: [
      route(deps, {
        method: 'get',
        path: '/quartiers.geojson',
        summary: 'The city’s quartiers as GeoJSON (RFC 7946), with their shapes',
        description:
          'One Feature per quartier of the city profile, in its order (`id`: the quartier’s id): its `boundary` as a Polygon or MultiPolygon (rings wound by the right-hand rule), or a `null` geometry for a quartier without one. Properties: `id`, `name`, `priority` (a QPV), `qpvCode`, `centre` (`[lon, lat]`), `approximate` (`true`: drawn by hand, not the official perimeter), `boundarySource`.',
        responses: { 200: fileAnswer('A FeatureCollection of (multi)polygons.', 'application/geo+json') },
        handler: (c) => send(c, quartiersToGeoJSON(city)),
      }),
      route(deps, {
        method: 'get',
        path: '/walks.geojson',
        summary: 'The public walks as GeoJSON (RFC 7946): each route as a LineString, its stops as Points',
        description:
          'Every walk that is not a draft, by start: for each, a `route` Feature (`id` `{walkId}/route`, a LineString through the stops that have a point, in order; `null` below two), then one `stop` Feature per stop in the route’s order (`{walkId}/stops/{stopId}`, `position` from 1: the first is the meeting point; `null` geometry for a stop said in words). Properties name the walk (`walkId`, `walkTitle`, `startsAt`), its quartier and the stop (`label`, `description`).',
        query: { quartier: { description: 'Only this quartier’s walks (its id, from the city profile; none for an unknown one).' } },
        responses: { 200: fileAnswer('A FeatureCollection of LineStrings and Points.', 'application/geo+json') },
        handler: async (c) => send(c, walksToGeoJSON(await publicWalks(await deps.read(), c.req.query('quartier') || undefined), city)),
      }),
      route(deps, {
        method: 'get',
        path: '/walks/:walkId/route.geojson',
        summary: 'One walk as GeoJSON (RFC 7946): its route as a LineString, its stops as Points',
        description:
          'The Features `GET /api/walks.geojson` gives for this walk: its `route`, then its stops in order. A draft is not found (404 `walk.not-found`), as in every public answer.',
        params: { walkId: { description: 'The walk’s id.' } },
        responses: { 200: fileAnswer('A FeatureCollection: the route, then the stops.', 'application/geo+json') },
        handler: async (c) => {
          const { walk } = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale: c.get('locale') }));
          if (walk.status === 'draft') return refuse(c, 'walk.not-found', { walkId: walk.id });
          return send(c, walksToGeoJSON([walk], city));
        },
      }),
    ],
  };
}
