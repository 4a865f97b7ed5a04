// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 10, finding 6 (end): security headers. Every GET route that answers HTML (found in the
 * OpenAPI document, so a new page is checked too) and every HTML error page carries a CSP with
 * `frame-ancestors`, `nosniff` and a `Referrer-Policy` (`no-referrer` where a token is in the URL);
 * `nosniff` is on every answer. In Chromium, the demo page renders its three elements under that
 * CSP with no violation.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { defaultElementsPaths } from '../src/demo/elements-bundle.js';
import { seedValence } from '../src/seed/valence.js';
import { createToken } from '../src/auth.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';
import { CHROMIUM_ARGS, findChromium } from '../../../chromium.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The three headers of an HTML answer; `tokenInUrl`: the page's URL carries a token. */
function assertPageHeaders(headers: Headers, what: string, options: { tokenInUrl?: boolean; frameAncestors?: string } = {}) {
  assert.match(headers.get('content-type') ?? '', /^text\/html/, what);
  const csp = headers.get('content-security-policy') ?? '';
  assert.match(csp, /(^|; )default-src 'self'(;|$)/, `${what}: ${csp}`);
  assert.match(csp, /(^|; )script-src 'self'(;|$)/, `${what}: no inline script (${csp})`);
  assert.match(csp, /(^|; )object-src 'none'(;|$)/, `${what}: ${csp}`);
  assert.match(csp, /(^|; )base-uri 'none'(;|$)/, `${what}: ${csp}`);
  assert.match(csp, new RegExp(`(^|; )frame-ancestors ${options.frameAncestors ?? "'self'"}(;|$)`), `${what}: ${csp}`);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('referrer-policy'), options.tokenInUrl ? 'no-referrer' : 'strict-origin-when-cross-origin', what);
}

describe('security headers (issue 10, finding 6)', () => {
  let server: RunningServer;
  let reportPath: string;
  /** The seed's Bleuets page (issue 15), `/api/projects/{id}.html`. */
  let projectPath: string;
  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
    const page = (await call(server.url, 'GET', '/')).body as string;
    const report = /href="(\/api\/walks\/[^"/]+\/report\.html)"/.exec(page)?.[1];
    assert.ok(report, 'the seed shares a compte-rendu, linked from the demo page');
    reportPath = report;
    const projects = (await call(server.url, 'GET', '/api/projects')).body as { projects: { id: string }[] };
    assert.ok(projects.projects[0], 'the seed has the Bleuets');
    projectPath = `/api/projects/${projects.projects[0].id}.html`;
  });
  after(async () => {
    await server?.close();
  });

  test('every GET route answering HTML, as the OpenAPI document lists them, sets the three headers', async () => {
    const doc = (await call(server.url, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const pages = Object.entries(doc.paths)
      .filter(([, item]) => item.get?.responses['200']?.content?.['text/html'] !== undefined)
      .map(([path]) => path);
    assert.deepEqual(pages.sort(), [
      '/',
      '/annulation',
      '/api/projects/{page}.html',
      '/api/walks/{walkId}/day-sheet.html',
      '/api/walks/{walkId}/report.html',
      '/api/walks/{walkId}/report/without-email.html',
      '/docs/elements',
      '/gestion',
      '/gestion/connexion',
      '/marches/{walkId}',
      '/verification',
    ]);
    const concrete: Record<string, string> = {
      '/': '/',
      '/docs/elements': '/docs/elements',
      '/gestion': '/gestion',
      '/gestion/connexion': '/gestion/connexion?token=secret-sign-in-token',
      '/annulation': '/annulation?walk=w-1&registration=r-1&token=secret-cancel-token',
      '/api/walks/{walkId}/report.html': reportPath,
      '/api/projects/{page}.html': projectPath,
      '/api/walks/{walkId}/day-sheet.html': reportPath.replace(/report\.html$/, 'day-sheet.html'),
      '/api/walks/{walkId}/report/without-email.html': reportPath.replace(/report\.html$/, 'report/without-email.html'),
      '/marches/{walkId}': reportPath.replace(/^\/api\/walks\/([^/]+)\/report\.html$/, '/marches/$1'),
      // A link no email carries: the page that says so (404), with the same headers as the real one.
      '/verification': `/verification?engagement=e-1&token=${'0'.repeat(64)}`,
    };
    // The day sheet and the list of people without email are for staff: asked with a coordinator's token.
    const staff = { authorization: `Bearer ${(await createToken(server.database.sql, { role: 'coordinator', label: 'headers' })).token}` };
    for (const path of pages) {
      const url = concrete[path];
      assert.ok(url, `a concrete URL for ${path}`);
      const r = await call(
        server.url,
        'GET',
        url,
        path.endsWith('/day-sheet.html') || path.endsWith('/without-email.html') ? { headers: staff } : {},
      );
      assert.equal(r.status, path === '/verification' ? 404 : 200, `${url}: ${String(r.body).slice(0, 200)}`);
      assertPageHeaders(r.headers, url, {
        tokenInUrl: path === '/annulation' || path === '/gestion/connexion' || path === '/verification',
      });
    }
  });

  test('HTML error pages set them too', async () => {
    const missing = await call(server.url, 'GET', '/annulation');
    assert.equal(missing.status, 400);
    assertPageHeaders(missing.headers, 'GET /annulation without its token', { tokenInUrl: true });
    const refused = await call(server.url, 'POST', '/annulation', {
      raw: new URLSearchParams({ walk: 'w-unknown', registration: 'r-1', token: 'nope' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.ok(refused.status >= 400 && refused.status < 500, String(refused.status));
    assertPageHeaders(refused.headers, 'POST /annulation refused', { tokenInUrl: true });
    // A workshop's cancel link (issue 15): the same page, the same headers.
    const workshop = await call(server.url, 'GET', '/annulation?workshop=w-1&registration=r-1&token=secret-cancel-token');
    assert.equal(workshop.status, 200);
    assertPageHeaders(workshop.headers, 'GET /annulation of a workshop', { tokenInUrl: true });
    const unknownProject = await call(server.url, 'GET', '/api/projects/unknown.html');
    assert.equal(unknownProject.status, 404);
    assertPageHeaders(unknownProject.headers, 'GET /api/projects/unknown.html', {});
  });

  test('nosniff on every answer: JSON, errors, bundles, calendars, exports', async () => {
    for (const path of [
      '/api/city',
      '/api/openapi.json',
      '/api/walks',
      '/healthz',
      '/api/observations.csv',
      '/api/observations.geojson',
      '/open311/v2/services.xml',
      '/api/walks/unknown',
      '/nowhere',
      '/elements/gusp-elements.js',
    ]) {
      const r = await call(server.url, 'GET', path);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${path} (${r.status})`);
      assert.equal(r.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    }
    const posted = await call(server.url, 'POST', '/api/observations', { raw: '{', headers: { 'content-type': 'application/json' } });
    assert.equal(posted.status, 400);
    assert.equal(posted.headers.get('x-content-type-options'), 'nosniff');
  });

  test('frame-ancestors is configurable (startServer option and --frame-ancestors)', async () => {
    const framed = await startServer({ database: server.database, frameAncestors: ["'self'", 'https://www.valence.fr'] });
    try {
      const r = await call(framed.url, 'GET', '/');
      assertPageHeaders(r.headers, 'framed /', { frameAncestors: "'self' https://www.valence.fr" });
    } finally {
      await framed.close();
    }
    // A value that would add a directive to the header is refused before anything starts.
    const cli = spawnSync(
      process.execPath,
      [join(root, 'bin', 'gusp-server.mjs'), 'start', '--port', '0', '--frame-ancestors', "'self'; script-src *"],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    assert.notEqual(cli.status, 0, cli.stdout);
    assert.match(cli.stderr, /--frame-ancestors/);
  });

  const chromium = findChromium();
  const bundle = defaultElementsPaths().dir;
  const skip = !chromium
    ? 'Chromium is not installed'
    : !(bundle !== undefined && existsSync(join(bundle, 'gusp-elements.js')))
      ? 'the elements’ bundle is not built'
      : false;

  test('in Chromium, the pages render under their CSP with no violation (the demo’s elements included)', { skip }, async () => {
    const browser = await puppeteer.launch({
      executablePath: chromium as string,
      headless: true,
      args: [...CHROMIUM_ARGS, '--lang=fr-FR'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
      page.on('console', (m) => {
        // Failed loads are checked by URL below (the browser asks for /favicon.ico, which there is none of).
        if (m.text().startsWith('Failed to load resource')) return;
        if (m.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`${r.status()} ${r.url()}`);
      });
      await page.evaluateOnNewDocument(() => {
        const w = window as unknown as { violations: string[] };
        w.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

      const demo = await page.goto(`${server.url}/`, { waitUntil: 'load' });
      assert.match(demo?.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/);
      await page.waitForFunction(
        () =>
          ['gusp-walk-list', 'gusp-issue-form', 'gusp-engagement-tracker'].every(
            (t) => customElements.get(t) && (document.querySelector(t)?.shadowRoot?.textContent ?? '').trim().length > 0,
          ),
        { timeout: 15_000, polling: 50 },
      );
      // The API answered the elements (their data is loaded through connect-src 'self').
      await page.waitForFunction(() => (document.querySelector('gusp-issue-form')?.shadowRoot?.textContent ?? '').includes('Thématique'), {
        timeout: 15_000,
      });
      assert.deepEqual(await violations(), []);
      assert.deepEqual(problems, []);

      for (const path of [
        reportPath,
        projectPath,
        '/annulation?walk=w-1&registration=r-1&token=t',
        '/annulation?workshop=w-1&registration=r-1&token=t',
        '/docs/elements',
      ]) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        assert.deepEqual(await violations(), [], path);
      }
      assert.deepEqual(problems, []);

      // The listener does see a violation: an inline script is refused by this CSP.
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.inlineRan = true';
        document.body.append(s);
      });
      await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan), undefined);
      assert.match((await violations())[0] ?? '', /^script-src/);
    } finally {
      await browser.close();
    }
  });
});
