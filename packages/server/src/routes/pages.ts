// SPDX-License-Identifier: EUPL-1.2
/** The pages people open: the demo at `/`, the cancel page of emails, `/healthz`, and the city profile forms need. */
import type { Hono } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { cancelForm, cancelResult } from '../demo/cancel-page.js';
import { demoPage } from '../demo/page.js';
import { serverError, statusOf } from '../http/errors.js';

export function pageRoutes(app: Hono<Env>, deps: RouteDeps): void {
  const { gusp, options } = deps;

  const page = demoPage(gusp.city);
  app.get('/', (c) => {
    c.header('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'");
    return c.html(page);
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

  // The city profile: what forms need to offer choices.
  app.get('/api/city', (c) => {
    const { id, name, timezone, locale, quartiers, organisations, axes, themes } = gusp.city;
    return c.json({ id, name, timezone, locale, quartiers, organisations, axes, themes });
  });
}
