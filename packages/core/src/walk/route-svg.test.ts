// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateHtml } from '../../../../scripts/validate-html.mjs';
import { findQuartier } from '../city/lookup.js';
import { valence } from '../city/valence.js';
import { walkFixture } from '../fixtures.test-helpers.js';
import type { QuartierId, StopId } from '../ids.js';
import { daySheetToHTML } from './day-sheet-html.js';
import { routeSvg } from './route-svg.js';

const lePlan = findQuartier(valence, 'le-plan');
const walk = walkFixture({
  quartierId: 'le-plan' as QuartierId,
  stops: [
    { id: 'stop-1' as StopId, label: 'Parvis de l’école', point: { lat: 44.918, lon: 4.909 } },
    { id: 'stop-2' as StopId, label: 'Sans point' },
    { id: 'stop-3' as StopId, label: 'Aire de jeux', point: { lat: 44.922, lon: 4.915 } },
    { id: 'stop-4' as StopId, label: 'Le <marché> & co', point: { lat: 44.923, lon: 4.911 } },
  ],
});
const svg = routeSvg(walk, lePlan, { title: 'Plan du parcours – Le <Plan>', description: 'Les numéros & la liste' });
const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);

describe('routeSvg', () => {
  it('numbers the stops that have a point by their place in the route, the one without a point keeping its number', () => {
    assert.deepEqual(
      [...svg.matchAll(/data-stop="(\d+)"/g)].map((m) => m[1]),
      ['1', '3', '4'],
    );
    assert.deepEqual(
      [...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1]),
      ['1', '3', '4'],
    );
  });

  it('is an image named by its title and described, the text escaped', () => {
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="route-map-title" aria-describedby="route-map-desc"/);
    assert.match(svg, /<title id="route-map-title">Plan du parcours – Le &lt;Plan&gt;<\/title>/);
    assert.match(svg, /<desc id="route-map-desc">Les numéros &amp; la liste<\/desc>/);
  });

  it('places north up and east right, every marker inside the view, the route joining them in order', () => {
    assert.ok(viewBox);
    const [width, height] = [Number(viewBox[1]), Number(viewBox[2])];
    const [a, b, c] = circles;
    assert.ok(a && b && c);
    assert.ok(b.x > a.x, 'the stop to the east is to the right');
    assert.ok(b.y < a.y, 'the stop to the north is higher');
    for (const p of circles) assert.ok(p.x >= 12 && p.x <= width - 12 && p.y >= 12 && p.y <= height - 12, JSON.stringify(p));
    const line = /<polyline class="route-line" points="([^"]+)"/.exec(svg)?.[1]?.split(' ');
    assert.deepEqual(
      line,
      circles.map((p) => `${p.x},${p.y}`),
    );
  });

  it('draws the quartier’s boundary, dashed, around the stops', () => {
    const d = /<path class="boundary" d="([^"]+)"[^>]*stroke-dasharray/.exec(svg)?.[1] ?? '';
    assert.match(d, /^M[\d. L]+Z$/);
    const xs = [...d.matchAll(/([\d.]+) ([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    const [minX, maxX] = [Math.min(...xs.map((p) => p.x)), Math.max(...xs.map((p) => p.x))];
    for (const p of circles) assert.ok(p.x > minX && p.x < maxX);
  });

  it('draws a multipolygon’s parts and holes as one even-odd path', () => {
    const square = (x: number, y: number, s: number): [number, number][] => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const out = routeSvg(
      walk,
      {
        boundary: {
          type: 'MultiPolygon',
          coordinates: [[square(4.9, 44.91, 0.02), square(4.905, 44.915, 0.005)], [square(4.93, 44.91, 0.01)]],
        },
      },
      {
        title: 'x',
      },
    );
    assert.equal((/ d="([^"]+)"/.exec(out)?.[1] ?? '').match(/Z/g)?.length, 3);
    assert.match(out, /fill-rule="evenodd"/);
    assert.doesNotMatch(out, /aria-describedby/);
  });

  it('draws nothing when no stop has a point, or a single point has no shape around it', () => {
    assert.equal(routeSvg({ stops: [{ id: 'a' as StopId, label: 'A' }] }, lePlan, { title: 'x' }), '');
    assert.equal(routeSvg({ stops: [{ id: 'a' as StopId, label: 'A', point: { lat: 44.92, lon: 4.91 } }] }, undefined, { title: 'x' }), '');
    const single = routeSvg({ stops: [{ id: 'a' as StopId, label: 'A', point: { lat: 44.92, lon: 4.91 } }] }, lePlan, { title: 'x' });
    assert.match(single, /data-stop="1"/);
    assert.doesNotMatch(single, /polyline/);
  });

  it('frames two stops on one spot without dividing by zero', () => {
    const same = routeSvg(
      {
        stops: [
          { id: 'a' as StopId, label: 'A', point: { lat: 44.92, lon: 4.91 } },
          { id: 'b' as StopId, label: 'B', point: { lat: 44.92, lon: 4.91 } },
        ],
      },
      undefined,
      { title: 'x' },
    );
    assert.doesNotMatch(same, /NaN|Infinity/);
    assert.match(same, /data-stop="2"/);
  });
});

describe('the day sheet’s route map', () => {
  const html = daySheetToHTML(walk, [], valence, { now: new Date('2026-03-13T17:30:00+01:00') });
  const en = daySheetToHTML(walk, [], valence, { now: new Date('2026-03-13T17:30:00+01:00'), locale: 'en' });

  it('follows the ordered list of stops in the route’s section, named and captioned in words', () => {
    const route = /<section aria-labelledby="route">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.ok(route.indexOf('<ol class="route">') < route.indexOf('<figure class="map">'));
    assert.match(route, /<title id="route-map-title">Plan du parcours – Le Plan<\/title>/);
    assert.match(
      route,
      /<figcaption class="note">Les numéros sont ceux des haltes de la liste ; [^<]*Le pointillé est le périmètre approximatif du quartier\.<\/figcaption>/,
    );
    assert.match(en, /<title id="route-map-title">Route map – Le Plan<\/title>/);
    assert.match(en, /The dashed line is the quartier’s approximate boundary\./);
  });

  it('is valid HTML', () => {
    const results = validateHtml({ fr: html, en }).errors;
    assert.deepEqual(results.get('fr'), []);
    assert.deepEqual(results.get('en'), []);
  });

  it('is left out when no stop has a point', () => {
    const none = daySheetToHTML({ ...walk, stops: walk.stops.map(({ point: _, ...s }) => s) }, [], valence);
    assert.doesNotMatch(none, /<svg|<figure/);
  });
});
