// SPDX-License-Identifier: EUPL-1.2
/** The pages people open: the demo at `/`, the cancel page of emails, `/healthz`, and the city profile forms need. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { walkSummary } from '@gusp/core';
import type { Context, Hono } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { cancelForm, cancelResult } from '../demo/cancel-page.js';
import { defaultElementsPaths } from '../demo/elements-bundle.js';
import { demoPage, elementsDocsPage } from '../demo/page.js';
import { sendError, serverError, statusOf } from '../http/errors.js';

export function pageRoutes(app: Hono<Env>, deps: RouteDeps): void {
  const { gusp, options, now } = deps;
  const refuseNotFound = (c: Context<Env>) => sendError(c, serverError('request.not-found', c.get('locale'), { path: c.req.path }));

  const elements = { ...defaultElementsPaths(), ...(options.elementsDir ? { dir: options.elementsDir } : {}), ...(options.elementsReadme ? { readme: options.elementsReadme } : {}) };
  const bundleFile = (name: string) => (elements.dir ? join(elements.dir, name) : undefined);

  // The demo: the three real elements, one module script, wired to /api.
  app.get('/', async (c) => {
    const at = now();
    const summaries = (await gusp.walks.list()).filter((agg) => agg.walk.status !== 'draft').map((agg) => walkSummary(agg, at));
    const upcoming = summaries
      .filter((s) => ['open', 'closed', 'cancelled'].includes(s.status) && Date.parse(s.walk.startsAt) > at.getTime())
      .sort((a, b) => Date.parse(a.walk.startsAt) - Date.parse(b.walk.startsAt));
    const reported = summaries.filter((s) => s.status === 'reported').sort((a, b) => Date.parse(b.walk.startsAt) - Date.parse(a.walk.startsAt));
    const file = bundleFile('gusp-elements.js');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    return c.html(demoPage(gusp.city, { upcoming, reported }, { bundleAvailable: file !== undefined && existsSync(file) }));
  });

  // The elements' self-contained bundles (what a city's CMS page would load from its own server).
  app.get('/elements/:file{gusp-[a-z-]+\\.js}', async (c) => {
    const file = bundleFile(c.req.param('file'));
    let code: Buffer;
    try {
      if (!file) throw new Error('no bundle directory');
      code = await readFile(file);
    } catch {
      return refuseNotFound(c);
    }
    return c.body(new Uint8Array(code), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  });

  app.get('/docs/elements', async (c) => {
    let readme: string;
    try {
      if (!elements.readme) throw new Error('no README');
      readme = await readFile(elements.readme, 'utf8');
    } catch {
      return refuseNotFound(c);
    }
    return c.html(elementsDocsPage(readme));
  });

  // The cancel link of emails: a page with a button (GET cancels nothing), then the result.
  app.get('/annulation', (c) => {
    const { walk, registration, token } = c.req.query();
    if (!walk || !registration || !token) return c.html(cancelResult(false, serverError('request.token-required', c.get('locale')).message), 400);
    return c.html(cancelForm(walk, registration, token));
  });
  app.post('/annulation', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const [walk, registration, token] = [form.get('walk'), form.get('registration'), form.get('token')];
    if (!walk || !registration || !token) return c.html(cancelResult(false, serverError('request.token-required', c.get('locale')).message), 400);
    const result = await gusp.walks.cancelRegistration(walk, registration, { locale: c.get('locale'), token });
    if (!result.ok) return c.html(cancelResult(false, result.error.message), statusOf(result.error.code));
    const message = c.get('locale') === 'en' ? 'Your registration is cancelled. Thank you for letting us know.' : 'Votre inscription est annulée. Merci de nous avoir prévenus.';
    return c.html(cancelResult(true, message));
  });

  app.get('/healthz', async (c) => {
    await options.ping?.();
    return c.json({ status: 'ok' });
  });

  // The city profile (public data only): what forms need to offer choices.
  app.get('/api/city', (c) => c.json(gusp.city));
}
