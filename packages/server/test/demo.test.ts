// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo page: valid HTML (W3C Nu validator; html-validate when Java is absent), the
 * elements wired to the API, their bundle and documentation served.
 * (e2e.test.ts drives it in Chromium.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { validateHtml } from '../../../scripts/validate-html.mjs';
import { call } from './harness.js';

describe('demo page', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
  });
  after(async () => {
    await server?.close();
  });

  test('GET / serves the French page with a content security policy', async () => {
    const r = await call(server.url, 'GET', '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.match(r.body as string, /<html lang="fr">/);
    assert.match(r.body as string, /Diagnostics en marchant/);
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self';/);
  });

  test('is valid HTML (W3C validator, or html-validate when Java is absent)', async () => {
    const { errors } = validateHtml({ index: (await call(server.url, 'GET', '/')).body as string });
    assert.deepEqual(errors.get('index'), []);
  });

  test('holds the real elements (the walk list, the report form, the tracker), wired to /api, with one module script and a documentation link each', async () => {
    const html = (await call(server.url, 'GET', '/')).body as string;
    // The bundle's content-hashed copy when the build made one (issue 12: kept a year by browsers).
    assert.deepEqual(
      html.match(/<script type="module"[^>]*>/g)?.map((tag) => tag.replace(/\.[0-9a-f]{10}\.js"/, '.js"')),
      ['<script type="module" src="/elements/gusp-elements.js">'],
    );
    // The seed's upcoming walks are cards of one <gusp-walk-list> (each opens its sign-up form), no longer four
    // complete forms stacked; the done one links to its compte-rendu.
    assert.equal((html.match(/<gusp-walk-list endpoint="\/api"[^>]*>/g) ?? []).length, 1);
    assert.equal((html.match(/<gusp-walk-signup/g) ?? []).length, 0);
    assert.match(html, /<gusp-issue-form endpoint="\/api">/);
    assert.match(html, /<gusp-engagement-tracker endpoint="\/api" refresh="5">/);
    assert.match(html, /\/api\/walks\/[A-Za-z0-9_-]+\/report\.html/);
    for (const tag of ['gusp-walk-list', 'gusp-issue-form', 'gusp-engagement-tracker'])
      assert.match(html, new RegExp(`href="/docs/elements#${tag}"`));
    const docs = await call(server.url, 'GET', '/docs/elements');
    assert.equal(docs.status, 200);
    assert.match(docs.body as string, /id="gusp-issue-form"/);
  });

  test('serves the elements’ bundle as JavaScript, and nothing else from that folder', async () => {
    const js = await fetch(`${server.url}/elements/gusp-elements.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(await js.text(), /customElements/);
    for (const path of ['/elements/..%2Fpackage.json', '/elements/gusp-elements.js.map', '/elements/other.js']) {
      assert.equal((await call(server.url, 'GET', path)).status, 404, path);
    }
  });
});
