// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '@placemarkio/check-geojson';
import { defineCity } from '../city/define-city.js';
import { valence } from '../city/valence.js';
import type { Walk } from '../walk/walk.js';
import { walkFixture } from './fixtures.test-helpers.js';
import { quartiersToGeoJSON, rfc7946Boundary, walksToGeoJSON } from './geojson.js';
import { rfc7946Problems } from './rfc7946.test-helpers.js';

const valid = (value: unknown) => {
  const text = JSON.stringify(value);
  check(text);
  assert.deepEqual(rfc7946Problems(text), []);
};

describe('walks as GeoJSON', () => {
  const walk = walkFixture();
  const withWordsOnly: Walk = {
    ...walk,
    id: 'walk-2' as Walk['id'],
    stops: [walk.stops[0] as Walk['stops'][number], { id: 'mots' as Walk['stops'][number]['id'], label: 'Devant la boulangerie' }],
  };

  it('gives each walk its route as a LineString of the stops with a point, in order, then each stop as a Point', () => {
    const collection = walksToGeoJSON([walk], valence);
    valid(collection);
    const [route, ...stops] = collection.features;
    assert.equal(route?.id, `${walk.id}/route`);
    assert.equal(route?.properties.kind, 'route');
    assert.deepEqual(
      route?.geometry?.coordinates,
      walk.stops.filter((s) => s.point).map((s) => [s.point?.lon, s.point?.lat]),
    );
    assert.equal(stops.length, walk.stops.length);
    stops.forEach((f, i) => {
      assert.equal(f.properties.kind, 'stop');
      assert.equal(f.properties.position, i + 1);
      assert.equal(f.id, `${walk.id}/stops/${walk.stops[i]?.id}`);
      assert.equal(f.properties.label, walk.stops[i]?.label);
      assert.equal(f.properties.quartierName, 'Le Plan');
      assert.match(f.properties.startsAt, /[+-]\d{2}:\d{2}$/);
    });
  });

  it('keeps a stop said in words in the order with a null geometry, and no line for fewer than two points', () => {
    const collection = walksToGeoJSON([withWordsOnly], valence);
    valid(collection);
    const [route, first, words] = collection.features;
    assert.equal(route?.geometry, null);
    assert.deepEqual(route?.properties.kind === 'route' && route.properties.stopIds, [walk.stops[0]?.id]);
    assert.equal(first?.geometry?.type, 'Point');
    assert.equal(words?.geometry, null);
    assert.equal(words?.properties.kind === 'stop' && words.properties.position, 2);
  });

  it('writes nothing personal: the walk’s public fields only', () => {
    const text = JSON.stringify(walksToGeoJSON([walk], valence));
    for (const key of ['capacity', 'registrations', 'email', 'organiserIds', 'cancelReason']) assert.ok(!text.includes(key), key);
  });
});

describe('quartiers as GeoJSON', () => {
  it('gives Valence’s five quartiers their shapes, marked approximate, in the profile’s order', () => {
    const collection = quartiersToGeoJSON(valence);
    valid(collection);
    assert.deepEqual(
      collection.features.map((f) => f.id),
      valence.quartiers.map((q) => q.id),
    );
    for (const f of collection.features) {
      assert.equal(f.geometry?.type, 'Polygon');
      assert.equal(f.properties.approximate, true);
      assert.equal(f.properties.priority, true);
      assert.equal(f.properties.centre?.length, 2);
    }
  });

  it('winds rings by the right-hand rule whatever the profile’s order, drops bbox, and gives null to a quartier without shape', () => {
    const clockwise: [number, number][] = [
      [4.9, 44.9],
      [4.9, 44.91],
      [4.91, 44.91],
      [4.91, 44.9],
      [4.9, 44.9],
    ];
    const holeCounter: [number, number][] = [
      [4.902, 44.902],
      [4.904, 44.902],
      [4.904, 44.904],
      [4.902, 44.904],
      [4.902, 44.902],
    ];
    const city = defineCity({
      ...valence,
      quartiers: [
        {
          id: 'a',
          name: 'A',
          priority: true,
          qpvCode: 'QN02601M',
          boundary: { type: 'Polygon', coordinates: [clockwise, holeCounter], bbox: [4.9, 44.9, 4.91, 44.91] },
        },
        { id: 'b', name: 'B', priority: false, boundary: { type: 'MultiPolygon', coordinates: [[clockwise]] } },
        { id: 'c', name: 'C', priority: false },
      ],
    });
    // The profile's own order fails the strict reading; the export's passes.
    assert.notDeepEqual(
      rfc7946Problems(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: city.quartiers[0]?.boundary, properties: {} }],
        }),
      ),
      [],
    );
    const collection = quartiersToGeoJSON(city);
    valid(collection);
    const [a, b, c] = collection.features;
    assert.equal(a?.properties.qpvCode, 'QN02601M');
    assert.ok(a?.geometry && !('bbox' in a.geometry));
    assert.deepEqual(a?.geometry?.type === 'Polygon' && a.geometry.coordinates[0], [...clockwise].reverse());
    assert.deepEqual(a?.geometry?.type === 'Polygon' && a.geometry.coordinates[1], [...holeCounter].reverse());
    assert.equal(b?.geometry?.type, 'MultiPolygon');
    assert.equal(c?.geometry, null);
    assert.equal(c?.properties.approximate, false);
    // Already wound: unchanged.
    const once = rfc7946Boundary(city.quartiers[0]?.boundary as never);
    assert.deepEqual(rfc7946Boundary(once), once);
  });
});
