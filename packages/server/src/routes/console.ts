// SPDX-License-Identifier: EUPL-1.2
/**
 * The back office at `/gestion`: a page that loads `@gusp/console`'s self-contained bundle
 * (`dist/bundle/gusp-console.js`, built by `pnpm --filter @gusp/console build`, or by
 * scripts/ensure-console-bundle.mjs before `pnpm start` and the tests) and shows
 * `<gusp-console>` wired to this server's `/api`. The emailed sign-in links land on
 * `/gestion/connexion?token=…`, the same page: the console verifies the token and opens the
 * session (the `gusp_session` cookie of routes/staff.ts). Never the public pages' bundle.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CityProfile } from '@gusp/core';
import type { Context } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { sendError, serverError } from '../http/errors.js';
import { entityTag, noneMatch } from '../http/etag.js';
import { fileAnswer, route, type RouteGroup } from '../http/route.js';

/** Where the page loads the console from (absolute: the page is both `/gestion` and `/gestion/connexion`). */
export const CONSOLE_BUNDLE_PATH = '/gestion/gusp-console.js';

/** The installed `@gusp/console`'s bundle (the workspace's in this repository), if there is a package. */
export function defaultConsoleBundle(): string | undefined {
  let root: string | undefined;
  try {
    root = dirname(createRequire(import.meta.url).resolve('@gusp/console/package.json'));
  } catch {
    const sibling = fileURLToPath(new URL('../../../console/', import.meta.url));
    root = existsSync(join(sibling, 'package.json')) ? sibling : undefined;
  }
  return root ? join(root, 'dist', 'bundle', 'gusp-console.js') : undefined;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page: one module script (the CSP of every page allows this server's scripts only, and no
 * inline script), the app element, and what to do when scripts do not run or the bundle is missing.
 */
export function consolePage(city: CityProfile, options: { readonly bundleAvailable: boolean; readonly locale?: string }): string {
  // The console speaks the page's language: the request's (Accept-Language), French by default.
  const english = options.locale?.toLowerCase().startsWith('en') === true;
  const missing = options.bundleAvailable
    ? ''
    : `<p class="warning" role="alert">L’espace de gestion n’est pas construit : lancez <code>pnpm start</code> à la racine du dépôt (ou <code>pnpm --filter @gusp/console build</code>). <span lang="en">The back office is not built: run <code>pnpm start</code> at the repository's root.</span></p>`;
  return `<!doctype html>
<html lang="${english ? 'en' : 'fr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${english ? `GUSP — ${escape(city.name)}: back office` : `GUSP — ${escape(city.name)} : espace de gestion`}</title>
<link rel="icon" href="data:,">
<script type="module" src="${CONSOLE_BUNDLE_PATH}"></script>
<style>
  :root { color-scheme: light; }
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: .5rem 1rem 3rem; color: #1b1b1b; background: #fff; }
  .warning { padding: .75rem 1rem; border-inline-start: .375rem solid #5a4000; background: #fff4d6; color: #5a4000; }
</style>
</head>
<body>
${missing}
<gusp-console endpoint="/api"></gusp-console>
<noscript><p>L’espace de gestion a besoin de JavaScript. <span lang="en">The back office needs JavaScript.</span></p></noscript>
</body>
</html>
`;
}

export function consoleRoutes(deps: RouteDeps): RouteGroup {
  const { gusp } = deps;
  const bundlePath = defaultConsoleBundle();
  let cached:
    { readonly mtimeMs: number; readonly size: number; readonly bytes: Uint8Array<ArrayBuffer>; readonly etag: string } | undefined;
  /** The bundle, read again only when the file changed (a rebuild while the server runs). */
  const bundle = async () => {
    if (!bundlePath) return undefined;
    try {
      const { mtimeMs, size } = await stat(bundlePath);
      if (cached?.mtimeMs !== mtimeMs || cached.size !== size) {
        const bytes = new Uint8Array(await readFile(bundlePath));
        cached = { mtimeMs, size, bytes, etag: entityTag(bytes) };
      }
      return cached;
    } catch {
      return undefined;
    }
  };
  const page = (c: Context<Env>) =>
    c.html(consolePage(gusp.city, { bundleAvailable: bundlePath !== undefined && existsSync(bundlePath), locale: c.get('locale') }), 200, {
      // Who is signed in is asked by the console; the page itself is the same for everyone, but never kept with a token in its URL.
      'Cache-Control': 'no-store',
      Vary: 'Accept-Language',
    });
  const html = fileAnswer('The page.', 'text/html');

  return {
    base: '/gestion',
    tag: 'console',
    description: 'The back office for staff (`@gusp/console`): its page and its bundle.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'The back office: sign-in, then the screens of the person’s role',
        responses: { 200: html },
        handler: page,
      }),
      route(deps, {
        method: 'get',
        path: '/connexion',
        summary: 'Where the emailed sign-in links land: the back office, which verifies the link’s token and opens the session',
        query: { token: { description: 'The sign-in link’s single-use token (verified by the page, not by this GET).' } },
        responses: { 200: html },
        handler: page,
      }),
      route(deps, {
        method: 'get',
        path: '/gusp-console.js',
        summary: 'The back office’s self-contained bundle (`@gusp/console`)',
        description: 'An ES module; `ETag` and `Cache-Control: no-cache`, 304 to a matching `If-None-Match`.',
        responses: {
          200: fileAnswer('The ES module.', 'text/javascript'),
          304: { description: 'Not modified: the `If-None-Match` ETag is current.' },
        },
        handler: async (c) => {
          const file = await bundle();
          if (!file) return sendError(c, serverError('request.not-found', c.get('locale'), { path: c.req.path }));
          const headers = { 'Cache-Control': 'no-cache', ETag: file.etag, 'Cross-Origin-Resource-Policy': 'same-origin' };
          if (noneMatch(c.req.header('if-none-match'), file.etag) !== undefined) return c.body(null, 304, headers);
          return c.body(file.bytes, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
        },
      }),
    ],
  };
}
