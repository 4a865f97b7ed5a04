// SPDX-License-Identifier: EUPL-1.2
/** Personal data (RGPD), for coordinators: a person's export and erasure, the purge. */
import type { Hono } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { exportPersonalData } from '../privacy.js';

export function privacyRoutes(app: Hono<Env>, deps: RouteDeps): void {
  const { gusp, options, refuse, jsonBody, staff } = deps;

  // Personal data (RGPD), for coordinators: a person's export, the purge.
  app.get('/api/privacy/export', async (c) => {
    await staff(c, ['coordinator']);
    const email = c.req.query('email') ?? '';
    if (!/^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email)) return refuse(c, 'request.invalid-query', { email });
    return c.json(options.exportPerson ? await options.exportPerson(email) : await exportPersonalData(gusp, email));
  });

  app.post('/api/privacy/erase', async (c) => {
    await staff(c, ['coordinator']);
    const body = await jsonBody(c);
    const email = body !== null && typeof body === 'object' ? (body as { email?: unknown }).email : undefined;
    if (typeof email !== 'string' || !/^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email)) return refuse(c, 'request.invalid-query', { email });
    if (!options.erase) return refuse(c, 'request.not-found', { path: c.req.path });
    return c.json(await options.erase(email));
  });

  app.post('/api/privacy/purge', async (c) => {
    await staff(c, ['coordinator']);
    const body = await jsonBody(c);
    const months = body !== null && typeof body === 'object' ? (body as { months?: unknown }).months ?? 12 : undefined;
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 0 || months > 120) return refuse(c, 'request.invalid-months', { months });
    if (!options.purge) return refuse(c, 'request.not-found', { path: c.req.path });
    return c.json(await options.purge(months));
  });
}
