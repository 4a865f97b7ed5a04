// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CityProfile } from './city/city-profile.js';
import { defineCity } from './city/define-city.js';
import { valence } from './city/valence.js';
import { hasBoundaries, pointInBoundary, pointInRing, quartierOf, type Boundary, type GeoPoint } from './geo.js';
import { errorMessage } from './i18n.js';
import { assertRefused, setup, unwrap } from './service/service.test-helpers.js';

/** A square ring, counter-clockwise, from (lon0, lat0) with side `d`. */
const square = (lon0: number, lat0: number, d: number): [number, number][] => [
  [lon0, lat0],
  [lon0 + d, lat0],
  [lon0 + d, lat0 + d],
  [lon0, lat0 + d],
  [lon0, lat0],
];
const at = (lat: number, lon: number): GeoPoint => ({ lat, lon });

const PARIS = at(48.85, 2.35);
/** Inside Fontbarlettes' shape, a few hundred metres from Le Plan. */
const FONTBARLETTES = at(44.9229, 4.9262);

describe('geo: point in polygon', () => {
  it('finds a point inside a ring and not one outside it, in [lon, lat] order', () => {
    const ring = square(4.9, 44.9, 0.01);
    assert.equal(pointInRing(at(44.905, 4.905), ring), true);
    assert.equal(pointInRing(at(44.905, 4.915), ring), false);
    assert.equal(pointInRing(at(44.915, 4.905), ring), false);
    // The same numbers swapped (lat where lon should be) is another place.
    assert.equal(pointInRing(at(4.905, 44.905), ring), false);
  });

  it('leaves out a polygon’s holes', () => {
    const withHole: Boundary = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] };
    assert.equal(pointInBoundary(at(1, 1), withHole), true);
    assert.equal(pointInBoundary(at(5, 5), withHole), false);
    assert.equal(pointInBoundary(at(7, 7), withHole), true);
  });

  it('takes every part of a multipolygon, and the holes of each', () => {
    const twoParts: Boundary = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(10, 10, 4), square(11, 11, 1)]],
    };
    assert.equal(pointInBoundary(at(0.5, 0.5), twoParts), true);
    assert.equal(pointInBoundary(at(13, 13), twoParts), true);
    assert.equal(pointInBoundary(at(11.5, 11.5), twoParts), false);
    assert.equal(pointInBoundary(at(5, 5), twoParts), false);
  });

  it('works on a concave outline (an L)', () => {
    const l: Boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    assert.equal(pointInBoundary(at(2, 0.5), l), true);
    assert.equal(pointInBoundary(at(0.5, 2), l), true);
    assert.equal(pointInBoundary(at(2, 2), l), false);
  });
});

describe('geo: quartierOf', () => {
  it('files a point under the Valence quartier whose shape contains it', () => {
    const cases: [GeoPoint, string][] = [
      [FONTBARLETTES, 'fontbarlettes'],
      [at(44.9205, 4.9128), 'le-plan'],
      [at(44.9118, 4.9046), 'valensolles'],
      [at(44.9392, 4.9083), 'polygone'],
      [at(44.9436, 4.9007), 'chamberliere'],
      // Nearer Le Plan's centre than Fontbarlettes' but inside Fontbarlettes' shape: the shape decides.
      [at(44.92, 4.9215), 'fontbarlettes'],
    ];
    for (const [point, id] of cases) assert.equal(unwrap(quartierOf(valence, point))?.id, id, JSON.stringify(point));
  });

  it('refuses a point outside every shape with geo.outside-city, in French and English', () => {
    const fr = quartierOf(valence, PARIS, 'fr');
    assertRefused(fr, 'geo.outside-city');
    assert.ok(!fr.ok);
    assert.match(fr.error.message, /en dehors des quartiers de Valence/);
    assert.deepEqual(fr.error.details, { lat: 48.85, lon: 2.35, city: 'Valence' });
    const en = quartierOf(valence, PARIS, 'en');
    assert.ok(!en.ok);
    assert.match(en.error.message, /outside the neighbourhoods of Valence/);
    assert.notEqual(
      errorMessage('geo.outside-city', 'en', { city: 'Valence' }),
      errorMessage('geo.outside-city', 'fr', { city: 'Valence' }),
    );
  });

  it('keeps the nearest centre for a profile without any shape (and nothing without centres)', () => {
    const noShapes: CityProfile = { ...valence, quartiers: valence.quartiers.map(({ boundary: _b, ...q }) => q) };
    assert.equal(hasBoundaries(noShapes), false);
    assert.equal(unwrap(quartierOf(noShapes, PARIS))?.id, 'chamberliere');
    assert.equal(unwrap(quartierOf(noShapes, FONTBARLETTES))?.id, 'fontbarlettes');
    const bare: CityProfile = { ...noShapes, quartiers: noShapes.quartiers.map(({ centre: _c, ...q }) => q) };
    assert.equal(unwrap(quartierOf(bare, PARIS)), undefined);
  });

  it('once one quartier has a shape, the shapes decide: a point elsewhere is outside', () => {
    const one = defineCity({
      ...valence,
      quartiers: [
        { id: 'dessine', name: 'Dessiné', priority: true, boundary: { type: 'Polygon', coordinates: [square(4.9, 44.9, 0.01)] } },
        { id: 'sans-contour', name: 'Sans contour', priority: false, centre: { lat: 44.95, lon: 4.95 } },
      ],
    });
    assert.equal(unwrap(quartierOf(one, at(44.905, 4.905)))?.id, 'dessine');
    assertRefused(quartierOf(one, at(44.95, 4.95)), 'geo.outside-city');
  });
});

describe('geo: recording an observation at a point', () => {
  const resident = { polarity: 'problem', themeId: 'voirie', description: 'Nid-de-poule', source: 'resident' } as const;

  it('files a point inside Fontbarlettes’ shape under Fontbarlettes, without a quartier named', async () => {
    const { gusp } = setup();
    const obs = unwrap(await gusp.observations.record({ ...resident, point: FONTBARLETTES }));
    assert.equal(obs.quartierId, 'fontbarlettes');
    assert.deepEqual(obs.point, FONTBARLETTES);
  });

  it('refuses the Paris point for Valence, named quartier or not, in the caller’s language', async () => {
    const { gusp } = setup();
    const alone = await gusp.observations.record({ ...resident, point: PARIS }, { locale: 'en' });
    assertRefused(alone, 'geo.outside-city', 'en');
    assert.ok(!alone.ok);
    assert.match(alone.error.message, /outside the neighbourhoods of Valence/);
    const named = await gusp.observations.record({ ...resident, point: PARIS, quartierId: 'le-plan' });
    assertRefused(named, 'geo.outside-city');
    assert.ok(!named.ok);
    assert.match(named.error.message, /en dehors des quartiers de Valence/);
    assert.equal((await gusp.observations.list()).length, 0);
  });

  it('keeps a named quartier for a point in the city (the walk’s or the form’s choice wins)', async () => {
    const { gusp } = setup();
    const obs = unwrap(await gusp.observations.record({ ...resident, point: FONTBARLETTES, quartierId: 'le-plan' }));
    assert.equal(obs.quartierId, 'le-plan');
  });
});
