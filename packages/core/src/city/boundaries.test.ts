// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldIssue } from '../validation.js';
import { QPV_CODE, type CityProfileInput } from './city-profile.js';
import { cityProfileJsonSchema, parseCity } from './define-city.js';
import { valence } from './valence.js';

/** A closed ring of `n` positions around (lon, lat), counter-clockwise. */
const ring = (lon: number, lat: number, n = 5, r = 0.002): [number, number][] => {
  const open = Array.from({ length: n - 1 }, (_, i): [number, number] => {
    const a = (2 * Math.PI * i) / (n - 1);
    return [Number((lon + r * Math.cos(a)).toFixed(6)), Number((lat + r * Math.sin(a)).toFixed(6))];
  });
  return [...open, open[0] as [number, number]];
};

/**
 * A profile as a city writes it after `gusp-server qpv import`: 2024 QPV codes
 * (illustrative ones, in the official format) and official-looking boundaries,
 * one a MultiPolygon with a hole.
 */
const with2024: CityProfileInput = {
  ...valence,
  quartiers: [
    {
      id: 'fontbarlettes',
      name: 'Fontbarlettes',
      priority: true,
      qpvCode: 'QN02601M',
      centre: { lat: 44.9229, lon: 4.9262 },
      boundary: { type: 'Polygon', coordinates: [ring(4.9262, 44.9229, 9)] },
      boundarySource: 'ANCT, quartiers prioritaires 2024 (QN02601M)',
    },
    {
      id: 'le-plan',
      name: 'Le Plan',
      priority: true,
      qpvCode: 'QN02602M',
      boundary: {
        type: 'MultiPolygon',
        coordinates: [[ring(4.9128, 44.9205, 7, 0.003), ring(4.9128, 44.9205, 5, 0.001)], [ring(4.905, 44.915)]],
      },
      approximate: false,
    },
    { id: 'ajaccio', name: 'Quartier corse', priority: true, qpvCode: 'QN02A01M' },
    { id: 'pointe-a-pitre', name: 'Quartier ultramarin', priority: true, qpvCode: 'QN97101M' },
    { id: 'ancien', name: 'Code de 2015', priority: false, qpvCode: 'QP026003' },
  ],
};

const issuesOf = (input: unknown) => {
  const parsed = parseCity(input, 'en');
  assert.ok(!parsed.ok, 'expected a refusal');
  return (parsed.error.details.issues as FieldIssue[]).map((i) => `${i.path} ${i.code}`);
};
const withQuartier = (quartier: Record<string, unknown>) => ({
  ...valence,
  quartiers: [{ id: 'q', name: 'Q', priority: true, ...quartier }],
});

describe('city profile: QPV codes', () => {
  it('accepts the 2024 format (« QN », department, number, letter), Corsica and overseas, and the 2015 one', () => {
    for (const code of ['QN02601M', 'QN07512M', 'QN02A01M', 'QN97101M', 'QP026003', 'QP075012']) assert.match(code, QPV_CODE, code);
  });

  it('refuses what is no QPV code (the old all-digit forms, `QN02601`, still pass)', () => {
    for (const code of ['QN026', 'QN0260M', 'QN02601m', 'qn02601M', 'QX02601M', 'QN02601MM', ' QN02601M', 'QP02600'])
      assert.doesNotMatch(code, QPV_CODE, code);
  });
});

describe('city profile: quartiers’ boundaries', () => {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  const schema = ajv.compile(cityProfileJsonSchema());

  it('a profile with 2024 codes and boundaries passes parseCity and the JSON Schema (Ajv, draft 2020-12)', () => {
    const parsed = parseCity(with2024, 'en');
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error.details, null, 2));
    assert.equal(parsed.value.quartiers[0]?.boundary?.type, 'Polygon');
    assert.equal(parsed.value.quartiers[1]?.boundary?.type, 'MultiPolygon');
    assert.ok(schema(JSON.parse(JSON.stringify(with2024))), ajv.errorsText(schema.errors));
  });

  it('the built-in Valence passes both, its five shapes marked approximate', () => {
    assert.ok(schema(JSON.parse(JSON.stringify(valence))), ajv.errorsText(schema.errors));
    assert.equal(valence.quartiers.length, 5);
    for (const q of valence.quartiers) {
      assert.equal(q.boundary?.type, 'Polygon', q.id);
      assert.equal(q.approximate, true, q.id);
      assert.ok(q.boundarySource, q.id);
    }
  });

  it('refuses an open ring, a ring of three positions, positions out of range or in the wrong order, a wrong type', () => {
    const open = ring(4.9, 44.9).slice(0, -1);
    assert.deepEqual(issuesOf(withQuartier({ boundary: { type: 'Polygon', coordinates: [[...open, [4.8, 44.8]]] } })), [
      'quartiers.0.boundary.coordinates.0 city.ring-not-closed',
    ]);
    const three = [
      [4.9, 44.9],
      [4.91, 44.9],
      [4.9, 44.9],
    ];
    assert.deepEqual(issuesOf(withQuartier({ boundary: { type: 'Polygon', coordinates: [three] } })), [
      'quartiers.0.boundary.coordinates.0 field.too-few',
    ]);
    // Latitude first is a common mistake: 44.9 is a fine longitude, 4.9 a latitude, but 190 is neither.
    const outOfRange = ring(190, 44.9);
    assert.ok(
      issuesOf(withQuartier({ boundary: { type: 'Polygon', coordinates: [outOfRange] } })).every((i) => i.endsWith('field.too-long')),
    );
    const withAltitude = ring(4.9, 44.9).map(([lon, lat]) => [lon, lat, 120]);
    assert.ok(issuesOf(withQuartier({ boundary: { type: 'Polygon', coordinates: [withAltitude] } })).length > 0);
    assert.ok(issuesOf(withQuartier({ boundary: { type: 'Point', coordinates: [4.9, 44.9] } })).length > 0);
    // Every problem of a MultiPolygon is named by its path.
    assert.deepEqual(issuesOf(withQuartier({ boundary: { type: 'MultiPolygon', coordinates: [[ring(4.9, 44.9)], [open]] } })), [
      'quartiers.0.boundary.coordinates.1.0 city.ring-not-closed',
    ]);
  });

  it('bounds the size of a boundary: 10,000 positions a ring, 20,000 in all', () => {
    const big = ring(4.9, 44.9, 9_000, 0.01);
    const tooMany = issuesOf(
      withQuartier({
        boundary: { type: 'MultiPolygon', coordinates: [[big], [ring(4.95, 44.95, 9_000, 0.01)], [ring(4.8, 44.8, 3_000)]] },
      }),
    );
    assert.deepEqual(tooMany, ['quartiers.0.boundary city.boundary-too-large']);
    const parsed = parseCity(
      withQuartier({
        boundary: { type: 'MultiPolygon', coordinates: [[big], [ring(4.95, 44.95, 9_000, 0.01)], [ring(4.8, 44.8, 3_000)]] },
      }),
      'fr',
    );
    assert.ok(!parsed.ok);
    assert.match((parsed.error.details.issues as FieldIssue[])[0]?.message ?? '', /21000 positions : 20000 au plus/);
    assert.deepEqual(issuesOf(withQuartier({ boundary: { type: 'Polygon', coordinates: [ring(4.9, 44.9, 10_001)] } })), [
      'quartiers.0.boundary.coordinates.0 field.too-many',
    ]);
  });

  it('refuses a misspelled key of a boundary and a boundary source too long', () => {
    assert.deepEqual(issuesOf(withQuartier({ boundary: { type: 'Polygon', coordinates: [ring(4.9, 44.9)], coords: [] } })), [
      'quartiers.0.boundary field.unknown-keys',
    ]);
    assert.deepEqual(issuesOf(withQuartier({ boundarySource: 'x'.repeat(301) })), ['quartiers.0.boundarySource field.too-long']);
    assert.deepEqual(issuesOf(withQuartier({ approximate: 'oui' })), ['quartiers.0.approximate field.invalid-type']);
  });
});
