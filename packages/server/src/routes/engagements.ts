// SPDX-License-Identifier: EUPL-1.2
/** Engagements: public to read; changed by coordinators, and by an organisation for its own. */
import { engagementsToCSV, type Result } from '@gusp/core';
import type { Hono } from 'hono';
import { Refusal, type Env, type RouteDeps } from '../http/context.js';
import { serverError } from '../http/errors.js';

export function engagementRoutes(app: Hono<Env>, deps: RouteDeps): void {
  const { gusp, jsonBody, commandOptions, staff, unwrap } = deps;

  // Engagements: public, they carry no personal data.
  app.get('/api/engagements', async (c) => {
    const quartier = c.req.query('quartier');
    const list = (await gusp.engagements.list()).filter((e) => quartier === undefined || e.quartierId === quartier);
    list.sort((a, b) => a.proposedAt.localeCompare(b.proposedAt));
    // With the city profile: what `<gusp-engagement-tracker>` reads (EngagementTrackerData).
    return c.json({ engagements: list, city: gusp.city });
  });

  app.get('/api/engagements/dashboard', async (c) => {
    const filter = {
      ...(c.req.query('quartier') ? { quartierId: c.req.query('quartier') } : {}),
      ...(c.req.query('organisation') ? { organisationId: c.req.query('organisation') } : {}),
      ...(c.req.query('theme') ? { themeId: c.req.query('theme') } : {}),
    };
    return c.json(await gusp.queries.engagementDashboard(filter));
  });

  app.post('/api/engagements', async (c) => {
    await staff(c, ['coordinator']);
    const opts = commandOptions(c, 'propose');
    return c.json(unwrap(await gusp.engagements.propose((await jsonBody(c)) as never, opts)), 201);
  });

  /**
   * An engagement's life: coordinators change any; an organisation's token
   * only its own (the core checks the engagement's organisation; the server
   * checks that an organisation accepts only for itself).
   */
  app.post('/api/engagements/:engagementId/:action{accept|start|progress|complete|verify|reopen|abandon|reschedule}', async (c) => {
    const who = await staff(c, ['coordinator', 'organisation']);
    const id = c.req.param('engagementId');
    const action = c.req.param('action') as 'accept' | 'start' | 'progress' | 'complete' | 'verify' | 'reopen' | 'abandon' | 'reschedule';
    const opts = { ...commandOptions(c, `${action}:${id}`), ...(who.organisationId ? { organisationId: who.organisationId } : {}) };
    const body = await jsonBody(c, {});
    if (who.role === 'organisation' && action === 'accept') {
      const wanted = body !== null && typeof body === 'object' ? (body as { organisationId?: unknown }).organisationId : undefined;
      if (wanted !== undefined && wanted !== who.organisationId) {
        throw new Refusal(serverError('engagement.forbidden-organisation', c.get('locale'), { organisationId: who.organisationId }));
      }
    }
    const command = gusp.engagements[action] as (id: string, input: never, o: typeof opts) => Promise<Result<unknown>>;
    return c.json(unwrap(await command(id, body as never, opts)));
  });

  app.get('/api/engagements/:engagementId', async (c) =>
    c.json(unwrap(await gusp.engagements.get(c.req.param('engagementId'), { locale: c.get('locale') }))),
  );

  app.get('/api/engagements.csv', async (c) => {
    const csv = engagementsToCSV(await gusp.engagements.list());
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': 'attachment; filename="engagements.csv"' });
  });
}
