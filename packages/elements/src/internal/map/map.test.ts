// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-map>` alone (issue 16): what a screen reader gets (the browser's
 * accessibility tree), the keyboard (pan, zoom, markers in order, a card
 * closed by Escape with the focus back on its marker, « Passer la carte »),
 * the schematic plan that asks no one, and tiles from the city profile,
 * served by the local tile server of the tests (test/tile-middleware.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { until } from '../../../test/helpers.js';
import { accessibilityTree, buttonNames, cleanAfterEach, mapRegion, shadow } from '../../../test/map.js';
import './map.js';
import type { GuspMap, MapPoint } from './map.js';

performance.setResourceTimingBufferSize(10_000);

const STOPS: MapPoint[] = [
  {
    id: 's1',
    label: '1. Parvis de la maison de quartier',
    badge: '1',
    lat: 44.92,
    lon: 4.912,
    description: 'Point de rendez-vous, devant l’entrée.',
  },
  { id: 's2', label: '2. Square des Bleuets', badge: '2', lat: 44.9212, lon: 4.914 },
  { id: 's3', label: '3. Parking du lycée', badge: '3', lat: 44.919, lon: 4.915 },
  { id: 's4', label: '4. Passage sous la voie ferrée', badge: '4', lat: 44.9182, lon: 4.9128 },
];
const BOUNDARY = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [4.909, 44.916],
      [4.918, 44.916],
      [4.918, 44.923],
      [4.909, 44.923],
      [4.909, 44.916],
    ],
  ],
};

const focused = (map: GuspMap): Element | null => shadow(map).activeElement;
const markerAt = (map: GuspMap, id: string): { x: number; y: number } => {
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(shadow(map).querySelector<HTMLElement>(`[data-id=${id}]`)!.style.transform)!;
  return { x: Number(m[1]), y: Number(m[2]) };
};
const tick = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

async function showMap(options: { tiles?: boolean } = {}): Promise<GuspMap> {
  const tiles = options.tiles
    ? { url: `${location.origin}/__tiles__/{z}/{x}/{y}.png`, attribution: '© Tuiles de test', maxZoom: 18 }
    : undefined;
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="fr" style="max-inline-size: 40rem">
      <button id="before">Avant</button>
      <gusp-map .points=${STOPS} .route=${true} .boundary=${BOUNDARY} .tiles=${tiles} .label=${'parcours du diagnostic'}></gusp-map>
      <button id="after">Après</button>
    </div>`,
  );
  const map = wrapper.querySelector<GuspMap>('gusp-map')!;
  await map.updateComplete;
  await tick();
  return map;
}

cleanAfterEach();

describe('<gusp-map>', () => {
  it('gives a screen reader every stop, in order, as buttons inside the named map, with the keys and a summary', async () => {
    const map = await showMap();
    const nodes = await accessibilityTree();
    const region = mapRegion(nodes);
    expect(region, 'the map is an application named after what it shows (its keys pass through a screen reader)').to.not.equal(undefined);
    expect(buttonNames(region!)).to.deep.equal([...STOPS.map((s) => s.label), 'Zoomer', 'Dézoomer']);
    expect(nodes.some((n) => n.role === 'button' && n.name === 'Passer la carte')).to.equal(true);
    expect(shadow(map).querySelector('#summary')!.textContent).to.equal(
      '4 points sur la carte, dans l’ordre du parcours. Tab pour passer de l’un à l’autre.',
    );
    expect(shadow(map).querySelector('.attribution')!.textContent).to.equal('Plan schématique, sans fond de carte.');
    await expect(map).to.be.accessible();
  });

  it('pans with the arrows, zooms with + and −, from the map itself', async () => {
    const map = await showMap();
    shadow(map).querySelector<HTMLElement>('.viewport')!.focus();
    const start = markerAt(map, 's1');
    await sendKeys({ press: 'ArrowRight' });
    expect(markerAt(map, 's1').x).to.be.closeTo(start.x - 80, 0.2);
    await sendKeys({ press: 'ArrowDown' });
    expect(markerAt(map, 's1').y).to.be.closeTo(start.y - 80, 0.2);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    const [a, b] = [markerAt(map, 's1'), markerAt(map, 's2')];
    await sendKeys({ press: '+' });
    const [a2, b2] = [markerAt(map, 's1'), markerAt(map, 's2')];
    expect(Math.hypot(a2.x - b2.x, a2.y - b2.y)).to.be.closeTo(2 * Math.hypot(a.x - b.x, a.y - b.y), 0.5);
    await sendKeys({ press: '-' });
    expect(markerAt(map, 's2').x).to.be.closeTo(b.x, 0.2);
    expect(focused(map)?.classList.contains('viewport')).to.equal(true);
  });

  it('keeps the view the user chose when its host gives the same points again (a re-render), and frames new ones', async () => {
    const map = await showMap();
    shadow(map).querySelector<HTMLElement>('.viewport')!.focus();
    await sendKeys({ press: '-' });
    await sendKeys({ press: 'ArrowRight' });
    const [a, b] = [markerAt(map, 's1'), markerAt(map, 's2')];
    map.points = STOPS.map((p) => ({ ...p }));
    await map.updateComplete;
    await tick();
    expect([markerAt(map, 's1'), markerAt(map, 's2')]).to.deep.equal([a, b]);
    map.points = STOPS.map((p) => ({ ...p, lat: p.lat + 0.01 }));
    await map.updateComplete;
    await tick();
    const [a2, b2] = [markerAt(map, 's1'), markerAt(map, 's2')];
    // Moved points are framed again: at the zoom that fits them, farther apart than the zoomed-out view drew them.
    expect(Math.hypot(a2.x - b2.x, a2.y - b2.y)).to.be.greaterThan(Math.hypot(a.x - b.x, a.y - b.y) * 1.5);
  });

  it('opens a marker’s card right after it (Enter), closes it with Escape and gives the focus back to the marker', async () => {
    const map = await showMap();
    const selections: (string | undefined)[] = [];
    map.addEventListener('gusp-map-select', (e) => selections.push((e as CustomEvent<{ id?: string }>).detail.id));
    shadow(map).querySelector<HTMLElement>('.viewport')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(map)?.getAttribute('data-id')).to.equal('s1');
    await sendKeys({ press: 'Enter' });
    await map.updateComplete;
    const marker = shadow(map).querySelector('[data-id=s1]')!;
    expect(marker.getAttribute('aria-expanded')).to.equal('true');
    const popup = shadow(map).querySelector<HTMLElement>('.popup')!;
    expect(popup.hidden).to.equal(false);
    expect(marker.nextElementSibling, 'the card follows its marker in reading order').to.equal(popup);
    expect(popup.textContent).to.contain('Point de rendez-vous, devant l’entrée.');
    await sendKeys({ press: 'Tab' });
    expect(focused(map)?.classList.contains('close'), 'the next Tab reaches the card').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await map.updateComplete;
    expect(popup.hidden).to.equal(true);
    expect(focused(map)?.getAttribute('data-id')).to.equal('s1');
    expect(selections).to.deep.equal(['s1', undefined]);
    // The host selects from its list: the card opens, the focus goes to the marker.
    map.focusPoint('s3');
    expect(focused(map)?.getAttribute('data-id')).to.equal('s3');
    expect(shadow(map).querySelector('[data-id=s3]')!.nextElementSibling).to.equal(popup);
    await sendKeys({ press: 'Tab' });
    expect(focused(map)?.classList.contains('close')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(focused(map)?.getAttribute('data-id')).to.equal('s3');
  });

  it('« Passer la carte » skips to what follows it', async () => {
    const map = await showMap();
    document.querySelector<HTMLElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(map)?.textContent).to.equal('Passer la carte');
    await sendKeys({ press: 'Enter' });
    expect(focused(map)?.id).to.equal('end');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('after');
    expect(shadow(map).querySelector<HTMLElement>('#end')!.tabIndex, 'not a Tab stop of its own').to.equal(-1);
  });

  it('without tiles, asks no one: no tile, no Leaflet', async () => {
    await fetch('/__tiles__/__reset', { method: 'POST' });
    const map = await showMap();
    await tick();
    expect(shadow(map).querySelector('.leaflet-container')).to.equal(null);
    expect((await (await fetch('/__tiles__/__count')).json()).count).to.equal(0);
    expect(shadow(map).querySelector('svg .route'), 'the route is drawn').to.not.equal(null);
    expect(shadow(map).querySelector('svg .boundary'), 'over the quartier’s shape').to.not.equal(null);
  });

  it('draws the city profile’s tiles from the tile server it names (Leaflet, its CSS in the shadow root), markers and keys unchanged', async () => {
    await fetch('/__tiles__/__reset', { method: 'POST' });
    const map = await showMap({ tiles: true });
    await until(() => shadow(map).querySelectorAll('img.leaflet-tile-loaded').length > 0, 6000);
    const served = (await (await fetch('/__tiles__/__count')).json()) as { count: number; last: string };
    expect(served.count).to.be.greaterThan(0);
    const img = shadow(map).querySelector<HTMLImageElement>('img.leaflet-tile-loaded')!;
    expect(img.src).to.match(/\/__tiles__\/\d+\/\d+\/\d+\.png$/);
    expect(img.naturalWidth).to.equal(256);
    expect(getComputedStyle(img).position, 'Leaflet’s rules reach its tiles inside the shadow root').to.equal('absolute');
    expect(shadow(map).querySelector('.attribution')!.textContent).to.equal('© Tuiles de test');
    expect(shadow(map).querySelectorAll('.marker')).to.have.length(4);
    // Panning moves the tiles with the markers.
    shadow(map).querySelector<HTMLElement>('.viewport')!.focus();
    const before = img.getBoundingClientRect().left;
    await sendKeys({ press: 'ArrowRight' });
    await tick();
    expect(img.getBoundingClientRect().left).to.be.closeTo(before - 80, 1);
    await expect(map).to.be.accessible();
  });

  it('fits 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 640 });
    const map = await showMap();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(shadow(map).querySelector('.viewport')!.getBoundingClientRect().width).to.be.at.most(320);
  });
});
