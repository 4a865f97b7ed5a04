// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 16's map on a plain page loading the self-contained bundle
 * (scripts/bundle.mjs, as for release), under a strict Content-Security-Policy:
 * its chunk is requested only once a map is shown, Leaflet's only when the
 * city's profile names tiles, and the tiles come from the server it names
 * (the tests' local tile server) — with no CSP violation.
 */
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { until } from '../../test/helpers.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:";

async function page(city: unknown): Promise<{ frame: HTMLIFrameElement; form: () => HTMLElement | null; chunks: () => string[] }> {
  const json = JSON.stringify({ city }).replace(/</g, '\\u003c');
  const srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Signaler</title>
<script type="module" src="/__bundle__/gusp-issue-form.js"></script></head>
<body><gusp-issue-form quartier-id="fontbarlettes"><script type="application/json">${json}</script></gusp-issue-form></body></html>`;
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="Page d’une ville" srcdoc=${srcdoc} style="inline-size: 600px; block-size: 900px"></iframe>`,
  );
  const form = () => frame.contentDocument?.querySelector<HTMLElement>('gusp-issue-form') ?? null;
  await until(() => !!form()?.shadowRoot?.querySelector('#pick-on-map'), 30_000);
  const chunks = () =>
    (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/__bundle__/chunks/'))
      .map((p) => p.slice('/__bundle__/chunks/'.length).replace(/-[A-Z0-9]+\.js$/, ''));
  return { frame, form, chunks };
}

afterEach(() => fixtureCleanup());

describe('the map’s chunk in the bundle', function () {
  // The first page builds the bundle (scripts/bundle.mjs) when it asks for it.
  this.timeout(40_000);
  it('is not requested until a map is shown; then the map, and without tiles no Leaflet and no tile', async () => {
    await fetch('/__tiles__/__reset', { method: 'POST' });
    const { frame, form, chunks } = await page(valence);
    const violations: string[] = [];
    frame.contentWindow!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    await new Promise((r) => setTimeout(r, 300));
    expect(chunks()).to.not.include('map');
    form()!.shadowRoot!.querySelector<HTMLButtonElement>('#pick-on-map')!.click();
    await until(() => !!form()!.shadowRoot!.querySelector('gusp-map')?.shadowRoot?.querySelector('.viewport'), 8000);
    expect(chunks()).to.include('map');
    expect(chunks()).to.not.include('leaflet-tiles');
    expect((await (await fetch('/__tiles__/__count')).json()).count).to.equal(0);
    expect(violations).to.deep.equal([]);
  });

  it('loads Leaflet and the tiles the profile names, under the CSP', async () => {
    await fetch('/__tiles__/__reset', { method: 'POST' });
    const tiles = { url: `${location.origin}/__tiles__/{z}/{x}/{y}.png`, attribution: '© Tuiles de test', maxZoom: 18 };
    const { frame, form, chunks } = await page({ ...valence, map: { tiles } });
    const violations: string[] = [];
    frame.contentWindow!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    expect(chunks()).to.not.include('leaflet-tiles');
    form()!.shadowRoot!.querySelector<HTMLButtonElement>('#pick-on-map')!.click();
    const map = () => form()!.shadowRoot!.querySelector('gusp-map')?.shadowRoot;
    await until(() => (map()?.querySelectorAll('img.leaflet-tile-loaded').length ?? 0) > 0, 8000);
    expect(chunks()).to.include.members(['map', 'leaflet-tiles']);
    expect((await (await fetch('/__tiles__/__count')).json()).count).to.be.greaterThan(0);
    expect(violations).to.deep.equal([]);
  });
});
