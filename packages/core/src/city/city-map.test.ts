// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cityProfileJsonSchema, parseCity } from './define-city.js';
import { valence } from './valence.js';

/** Plan IGN from the Géoplateforme, free and keyless: the default docs/cities.md gives French cities. */
const PLAN_IGN = {
  url: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
  attribution: '© IGN – Plan IGN',
  maxZoom: 19,
};

describe('the city profile’s map tiles (issue 16)', () => {
  it('accepts Plan IGN’s WMTS template and keeps it', () => {
    const result = parseCity({ ...valence, map: { tiles: PLAN_IGN } });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
    assert.deepEqual(result.value.map, { tiles: PLAN_IGN });
  });

  it('has no tiles by default: the maps draw a schematic plan and ask no one', () => {
    const result = parseCity(valence);
    assert.ok(result.ok);
    assert.equal(result.value.map, undefined);
  });

  it('refuses a template without {z}, {x} and {y}, a script URL, a zoom out of range and an unknown key, each at its path', () => {
    const refused = (map: unknown) => {
      const result = parseCity({ ...valence, map }, 'fr');
      assert.ok(!result.ok);
      return result.error.details?.issues as { path: string; message: string }[];
    };
    assert.deepEqual(
      refused({ tiles: { ...PLAN_IGN, url: 'https://tiles.example.org/tile.png' } }).map((i) => i.path),
      ['map.tiles.url'],
    );
    assert.deepEqual(
      refused({ tiles: { ...PLAN_IGN, url: 'javascript:alert(1)//{z}{x}{y}' } }).map((i) => i.path),
      ['map.tiles.url'],
    );
    assert.deepEqual(
      refused({ tiles: { ...PLAN_IGN, maxZoom: 30 } }).map((i) => i.path),
      ['map.tiles.maxZoom'],
    );
    assert.deepEqual(refused({ tiles: PLAN_IGN, style: 'dark' }).length, 1);
    assert.ok(refused({ tiles: { url: PLAN_IGN.url } }).some((i) => i.path === 'map.tiles.attribution'));
  });

  it('accepts the Géoplateforme’s completion service as the issue form’s geocoder, and refuses a non-http URL', () => {
    const geocoder = { url: 'https://data.geopf.fr/geocodage/completion' };
    const result = parseCity({ ...valence, map: { geocoder } });
    assert.ok(result.ok);
    assert.deepEqual(result.value.map, { geocoder });
    const refused = parseCity({ ...valence, map: { geocoder: { url: 'javascript:alert(1)' } } });
    assert.ok(!refused.ok);
    assert.deepEqual(
      (refused.error.details?.issues as { path: string }[]).map((i) => i.path),
      ['map.geocoder.url'],
    );
  });

  it('is described by the JSON Schema', () => {
    const schema = cityProfileJsonSchema() as { properties: Record<string, { properties?: Record<string, { required?: string[] }> }> };
    const tiles = schema.properties.map?.properties?.tiles;
    assert.ok(tiles, 'map.tiles in the schema');
    assert.deepEqual([...(tiles.required ?? [])].sort(), ['attribution', 'url']);
  });
});
