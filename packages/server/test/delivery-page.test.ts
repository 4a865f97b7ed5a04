// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 12, delivery: the demo page starts its data with the bundle instead of after it. The page
 * preloads the (hashed) bundle and carries the elements' first data as their inline JSON, the
 * same the API answers; no string in the data can close the script element; in Chromium, under
 * the page's CSP, the walk list and the report form show that data without asking the API for it,
 * the tracker's refresh of unchanged data is a 304, and a repeat visit downloads no bundle byte.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { browserSkip, launchChromium } from './browser.js';
import { call, inDays } from './harness.js';

/** The inline JSON blocks of `element`'s opening tags in `html`. */
function inlineOf(html: string, element: string): unknown[] {
  const blocks = [...html.matchAll(new RegExp(`<${element}[^>]*><script type="application/json">(.*?)</script>`, 'gs'))];
  return blocks.map((m) => JSON.parse(m[1]!) as unknown);
}

describe('the demo page starts its data with the bundle (issue 12)', () => {
  let server: RunningServer;
  const title = 'Marche </script><script>alert(1)</script> <!-- « test »';
  let walkId = '';
  before(async () => {
    server = await startServer({ proofOfWork: false, beforeListen: (gusp) => seedValence(gusp.store) });
    const scheduled = await server.gusp.walks.schedule({
      quartierId: 'le-plan',
      startsAt: inDays(20),
      title,
      capacity: 12,
      stops: [{ label: 'Parvis des Bleuets', point: { lat: 44.9205, lon: 4.9128 } }],
    });
    assert.ok(scheduled.ok, JSON.stringify(scheduled));
    walkId = scheduled.value.id;
    const published = await server.gusp.walks.publish(walkId);
    assert.ok(published.ok, JSON.stringify(published));
    await server.readModels.caughtUp();
  });
  after(async () => {
    await server?.close();
  });

  test('the bundle is preloaded, and its script is the only one that runs', async () => {
    const html = (await call(server.url, 'GET', '/')).body as string;
    const script = /<script type="module" src="([^"]+)"><\/script>/.exec(html)?.[1];
    assert.ok(script);
    assert.match(html, new RegExp(`<link rel="modulepreload" href="${script.replace(/\./g, '\\.')}">`));
    assert.ok(html.indexOf('rel="modulepreload"') < html.indexOf('<script type="module"'));
    // Every other script element is a data block (not run, and not refused by script-src 'self').
    const others = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]).filter((a) => !/type="module"/.test(a!));
    assert.ok(others.length >= 2);
    for (const attributes of others) assert.equal(attributes, ' type="application/json"');
  });

  test('the walk list’s inline data is what GET /api/walks?upcoming=1 answers; the form’s, the city profile', async () => {
    const html = (await call(server.url, 'GET', '/')).body as string;
    const [list] = inlineOf(html, 'gusp-walk-list') as [{ walks: { walk: { id: string; title?: string } }[]; city: unknown }];
    assert.ok(list, 'the walk list has its data inline');
    const api = (await call(server.url, 'GET', '/api/walks?upcoming=1')).body as { walks: unknown[]; city: unknown; next?: string };
    assert.equal(api.next, undefined, 'one page');
    assert.deepEqual(list, { walks: api.walks, city: api.city });
    assert.ok(
      list.walks.some((s) => s.walk.id === walkId && s.walk.title === title),
      'the title comes back as written',
    );
    const [form] = inlineOf(html, 'gusp-issue-form');
    assert.deepEqual(form, { city: (await call(server.url, 'GET', '/api/city')).body });
    // The title's `</script>` and `<!--` cannot end the data block: no `<` inside it at all.
    for (const m of html.matchAll(/<script type="application\/json">(.*?)<\/script>/gs)) assert.doesNotMatch(m[1]!, /</);
  });

  test('a walk’s page carries what GET /api/walks/{id} answers', async () => {
    const html = (await call(server.url, 'GET', `/marches/${walkId}`)).body as string;
    const [data] = inlineOf(html, 'gusp-walk-signup');
    assert.deepEqual(data, (await call(server.url, 'GET', `/api/walks/${walkId}`)).body);
    assert.match(html, /<link rel="modulepreload" href="\/elements\/gusp-walk-signup[.0-9a-f]*\.js">/);
  });

  test(
    'in Chromium: the data shows without a request for it, under the CSP; the tracker’s refresh is a 304; a repeat visit downloads no bundle byte',
    { skip: browserSkip },
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        const requested: string[] = [];
        page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
        page.on('console', (m) => {
          if (/Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
        });
        page.on('request', (r) => requested.push(new URL(r.url()).pathname));
        await page.evaluateOnNewDocument(() => {
          const w = window as unknown as { violations: string[] };
          w.violations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        const bundleBytes = new Map<string, number>();
        const urls = new Map<string, string>();
        // The status on the wire (responseReceived says 200 for a copy the browser revalidated with a 304).
        const engagementStatuses: number[] = [];
        const engagementRequests = new Set<string>();
        cdp.on('Network.requestWillBeSent', (e) => {
          if (new URL(e.request.url).pathname === '/api/engagements') engagementRequests.add(e.requestId);
        });
        cdp.on('Network.responseReceivedExtraInfo', (e) => {
          if (engagementRequests.has(e.requestId)) engagementStatuses.push(e.statusCode);
        });
        cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, new URL(e.response.url).pathname));
        cdp.on('Network.loadingFinished', (e) => {
          const path = urls.get(e.requestId);
          if (path?.startsWith('/elements/')) bundleBytes.set(path, (bundleBytes.get(path) ?? 0) + e.encodedDataLength);
        });
        const shows = () =>
          page.waitForFunction(
            (text: string) =>
              (document.querySelector('gusp-walk-list')?.shadowRoot?.textContent ?? '').includes(text) &&
              (document.querySelector('gusp-issue-form')?.shadowRoot?.textContent ?? '').includes('Thématique'),
            { timeout: 15_000, polling: 50 },
            'Marche </script>',
          );

        await page.goto(`${server.url}/`, { waitUntil: 'load' });
        await shows();
        assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
        assert.deepEqual(problems, []);
        assert.ok(!requested.some((p) => p.startsWith('/api/walks')), `no request for the walks: ${requested.join(' ')}`);
        assert.ok(!requested.includes('/api/city'), 'no request for the city profile');
        const first = [...bundleBytes.values()].reduce((a, b) => a + b, 0);
        assert.ok(first > 0, 'the first visit downloads the bundle');
        // The tracker still asks the API (its data refreshes: refresh="5"), and while nothing changed the
        // browser revalidates its copy (If-None-Match): the server answers 304, not the list again.
        assert.ok(requested.some((p) => p.startsWith('/api/engagements')));
        const deadline = Date.now() + 15_000;
        while (!engagementStatuses.includes(304) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
        assert.ok(engagementRequests.size >= 2, 'the tracker refreshed');
        assert.ok(engagementStatuses.includes(304), `a refresh answered 304: ${engagementStatuses.join(', ')}`);

        // Again, as a visitor coming back: the hashed bundle comes from the browser's cache.
        bundleBytes.clear();
        requested.length = 0;
        await page.goto(`${server.url}/`, { waitUntil: 'load' });
        await shows();
        const again = [...bundleBytes.entries()].filter(([, n]) => n > 0);
        assert.deepEqual(again, [], 'no bundle byte on the repeat visit');
      } finally {
        await browser.close();
      }
    },
  );
});
