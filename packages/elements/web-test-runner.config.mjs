// SPDX-License-Identifier: EUPL-1.2
// Browser tests in real headless Chromium. Run through scripts/test.mjs, which
// loads tsx so that the stub API below uses the real @gusp/core from its sources.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { buildBundles, bundles } from './scripts/bundle.mjs';
import { apiMiddleware } from './test/api-middleware.ts';
import { geocoderMiddleware, tileMiddleware } from './test/tile-middleware.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const chrome = chromeLauncher({
  launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
});

/**
 * `executeServerCommand('set-geolocation', { latitude, longitude, accuracy } | null)`:
 * the device's position as the browser reports it (granted), or permission refused (`null`).
 */
const geolocationPlugin = {
  name: 'gusp-geolocation',
  async executeCommand({ command, payload, session }) {
    if (command !== 'set-geolocation') return undefined;
    const page = chrome.getPage(session.id);
    const origin = new URL(page.url()).origin;
    await page.browserContext().overridePermissions(origin, payload ? ['geolocation'] : []);
    if (payload) await page.setGeolocation(payload);
    return true;
  },
};

/**
 * Serves `/__bundle__/<name>.js`: the self-contained bundles a plain HTML page loads
 * (scripts/bundle.mjs), built when an entry is asked for, and their on-demand
 * chunks (`/__bundle__/chunks/…`, English, the .ics maker) from that same build.
 */
const built = new Map();
const bundlePlugin = {
  name: 'gusp-bundle',
  async serve(context) {
    const match = /^\/__bundle__\/(?:(chunks\/[A-Za-z0-9_-]+)|([a-z-]+))\.js$/.exec(context.path);
    if (!match || (match[2] && !(match[2] in bundles))) return undefined;
    let body;
    if (match[2]) {
      // Built when a page asks for it, so a test sees the sources as they are now; its chunks are served from that build.
      const build = await buildBundles([match[2]]);
      for (const [path, text] of build.files) built.set(path, text);
      body = build.files.get(`${match[2]}.js`);
    } else body = built.get(`${match[1]}.js`);
    return body === undefined ? undefined : { body, type: 'js' };
  },
};

/**
 * `/etag-api`: a paged, validating list like the real server's (packages/server/src/http/page.ts),
 * for the tests of paging and conditional requests. `GET /etag-api/engagements` answers pages of
 * 2 items (`{ engagements, next?, city }`, `?cursor=` the next), each with an `ETag` and
 * `Cache-Control: no-cache`, and 304 to an `If-None-Match` that matches; it counts what it sent.
 * `POST /etag-api/__reset` `{ engagements, city }` sets the list and zeroes the counts,
 * `GET /etag-api/__counts` → `{ ok, notModified, cursors }`.
 */
function etagApiMiddleware() {
  let list = { engagements: [], city: undefined };
  let counts = { ok: 0, notModified: 0, cursors: [] };
  const PAGE = 2;
  const json = (ctx, status, body) => {
    ctx.status = status;
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.body = JSON.stringify(body);
  };
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/etag-api/')) return next();
    if (ctx.method === 'POST' && ctx.path === '/etag-api/__reset') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      list = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      counts = { ok: 0, notModified: 0, cursors: [] };
      return json(ctx, 200, { ok: true });
    }
    if (ctx.path === '/etag-api/__counts') {
      ctx.set('Cache-Control', 'no-store');
      return json(ctx, 200, counts);
    }
    if (ctx.method !== 'GET' || ctx.path !== '/etag-api/engagements')
      return json(ctx, 404, { error: { code: 'x', message: 'x', details: {} } });
    const cursor = ctx.query.cursor;
    counts.cursors.push(cursor ?? null);
    const start = cursor ? Number(Buffer.from(String(cursor), 'base64url').toString('utf8')) : 0;
    const items = list.engagements.slice(start, start + PAGE);
    const more = start + PAGE < list.engagements.length;
    const body = JSON.stringify({
      engagements: items,
      ...(more ? { next: Buffer.from(String(start + PAGE)).toString('base64url') } : {}),
      city: list.city,
    });
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('Vary', 'Accept-Language');
    if (ctx.get('If-None-Match') === etag) {
      counts.notModified++;
      ctx.status = 304;
      return;
    }
    counts.ok++;
    ctx.status = 200;
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.body = body;
  };
}

export default {
  files: ['src/**/*.test.ts'],
  rootDir: repoRoot,
  // A free port, so that two packages or two checkouts never race on a fixed one.
  port: await freePort(),
  nodeResolve: { exportConditions: ['browser', 'development', '@gusp/source'] },
  plugins: [
    // `a11ySnapshot()`: the browser's accessibility tree, what a screen reader reads (the map's tests).
    a11ySnapshotPlugin(),
    geolocationPlugin,
    bundlePlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  // Two separate APIs, so a test can switch an element's `endpoint` from one to the other.
  // `/__tiles__/`: generated map tiles, `/__geocoder__/`: a fake address completion, for the map's tests (test/tile-middleware.ts).
  middleware: [apiMiddleware('/api'), apiMiddleware('/api2'), etagApiMiddleware(), tileMiddleware(), geocoderMiddleware()],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [chrome],
};
