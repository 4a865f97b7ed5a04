// SPDX-License-Identifier: EUPL-1.2
/** Walks (diagnostics en marchant): public summaries and sign-up, staff lifecycle and registrations, the compte-rendu, iCalendar. */
import { reportToHTML, reportToMarkdown, toICalendar, toICalendarFeed, walkSummary, type CommandOptions, type Registration } from '@gusp/core';
import type { Hono } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { publicWalkSummary } from '../http/public-views.js';

export function walkRoutes(app: Hono<Env>, deps: RouteDeps): void {
  const { gusp, now, refuse, jsonBody, commandOptions, staff, origin, unwrap } = deps;

  // Walks (diagnostics en marchant): public summaries, never registrations.
  app.get('/api/walks', async (c) => {
    const quartier = c.req.query('quartier');
    const at = now();
    const summaries = (await gusp.walks.list())
      .filter((agg) => agg.walk.status !== 'draft' && (quartier === undefined || agg.walk.quartierId === quartier))
      .map((agg) => publicWalkSummary(walkSummary(agg, at)))
      .sort((a, b) => Date.parse(a.walk.startsAt) - Date.parse(b.walk.startsAt));
    return c.json({ walks: summaries });
  });

  app.get('/api/walks/:walkId', async (c) => {
    const locale = c.get('locale');
    const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale }));
    // A draft is not public yet: as if it did not exist.
    if (agg.walk.status === 'draft') return refuse(c, 'walk.not-found', { walkId: agg.walk.id });
    // With the city profile: what `<gusp-walk-signup>` and `<gusp-issue-form walk-id>` read (WalkSignupData).
    return c.json({ ...publicWalkSummary(walkSummary(agg, now())), city: gusp.city });
  });

  // Registrations carry personal data: staff only, and never the cancel tokens.
  app.get('/api/walks/:walkId/registrations', async (c) => {
    await staff(c, ['coordinator', 'agent']);
    const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale: c.get('locale') }));
    const registrations = agg.registrations.map(({ cancelToken: _token, ...r }: Registration) => r);
    return c.json({ registrations });
  });

  app.post('/api/walks', async (c) => {
    await staff(c, ['coordinator']);
    const opts = commandOptions(c, 'schedule');
    const walk = unwrap(await gusp.walks.schedule((await jsonBody(c)) as never, opts));
    return c.json(walk, 201);
  });

  /** Lifecycle of a walk, for coordinators: `POST /api/walks/:id/publish`, … */
  const walkActions = {
    publish: (id: string, _body: unknown, o: CommandOptions) => gusp.walks.publish(id, o),
    'close-registrations': (id: string, _body: unknown, o: CommandOptions) => gusp.walks.closeRegistrations(id, o),
    start: (id: string, _body: unknown, o: CommandOptions) => gusp.walks.start(id, o),
    finish: (id: string, _body: unknown, o: CommandOptions) => gusp.walks.finish(id, o),
    cancel: (id: string, body: unknown, o: CommandOptions) => gusp.walks.cancel(id, body as never, o),
    reschedule: (id: string, body: unknown, o: CommandOptions) => gusp.walks.reschedule(id, body as never, o),
  } as const;
  app.post('/api/walks/:walkId/:action{publish|close-registrations|start|finish|cancel|reschedule}', async (c) => {
    await staff(c, ['coordinator']);
    const walkId = c.req.param('walkId');
    const action = c.req.param('action') as keyof typeof walkActions;
    const opts = commandOptions(c, `${action}:${walkId}`);
    const body = action === 'cancel' || action === 'reschedule' ? await jsonBody(c) : undefined;
    return c.json(unwrap(await walkActions[action](walkId, body, opts)));
  });

  // The compte-rendu: public once shared (it is anonymous by construction), staff before.
  app.get('/api/walks/:walkId/report', async (c) => {
    const walkId = c.req.param('walkId');
    const report = unwrap(await gusp.reports.get(walkId, { locale: c.get('locale') }));
    if (report.status !== 'shared') {
      if (c.req.header('authorization') === undefined) return refuse(c, 'report.not-found', { walkId });
      await staff(c, ['coordinator', 'agent']);
    }
    return c.json(report);
  });

  const reportActions = {
    draft: (id: string, _body: unknown, o: CommandOptions) => gusp.reports.draft(id, o),
    validate: (id: string, body: unknown, o: CommandOptions) => gusp.reports.validate(id, body as never, o),
    share: (id: string, body: unknown, o: CommandOptions) => gusp.reports.share(id, body as never, o),
  } as const;
  app.post('/api/walks/:walkId/report/:action{draft|validate|share}', async (c) => {
    await staff(c, ['coordinator']);
    const walkId = c.req.param('walkId');
    const action = c.req.param('action') as keyof typeof reportActions;
    const opts = commandOptions(c, `report-${action}:${walkId}`);
    const body = action === 'draft' ? undefined : await jsonBody(c, {});
    return c.json(unwrap(await reportActions[action](walkId, body, opts)));
  });

  app.post('/api/walks/:walkId/registrations/:registrationId/check-in', async (c) => {
    await staff(c, ['coordinator', 'agent']);
    const { walkId, registrationId } = c.req.param();
    const opts = commandOptions(c, `check-in:${walkId}:${registrationId}`);
    const outcome = unwrap(await gusp.walks.checkIn(walkId, registrationId, opts));
    return c.json({ status: outcome.status, registrationId: outcome.registration.id });
  });

  app.post('/api/walks/:walkId/registrations', async (c) => {
    const walkId = c.req.param('walkId');
    const opts = commandOptions(c, `register:${walkId}`);
    const body = await jsonBody(c);
    const outcome = unwrap(await gusp.walks.register(walkId, body as never, opts));
    return c.json(
      {
        status: outcome.status,
        ...(outcome.position === undefined ? {} : { position: outcome.position }),
        registrationId: outcome.registration.id,
        cancelToken: outcome.registration.cancelToken,
        // The page of the emails' cancel link (a button there cancels; opening it does not).
        cancelUrl: `${origin(c)}/annulation?${new URLSearchParams({ walk: walkId, registration: outcome.registration.id, token: outcome.registration.cancelToken })}`,
      },
      201,
    );
  });

  app.delete('/api/walks/:walkId/registrations/:registrationId', async (c) => {
    const walkId = c.req.param('walkId');
    const registrationId = c.req.param('registrationId');
    const token = c.req.query('token');
    if (token === undefined || token === '') return refuse(c, 'request.token-required');
    const opts = commandOptions(c, `cancel:${walkId}:${registrationId}`);
    const outcome = unwrap(await gusp.walks.cancelRegistration(walkId, registrationId, { ...opts, token }));
    return c.json({ status: outcome.status, registrationId: outcome.registration.id });
  });

  // iCalendar (RFC 5545): one walk, and a feed per quartier.
  const publicWalks = async () => (await gusp.walks.list()).map((a) => a.walk).filter((w) => w.status !== 'draft');

  app.get('/api/walks/:walkId/calendar.ics', async (c) => {
    const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale: c.get('locale') }));
    if (agg.walk.status === 'draft') return refuse(c, 'walk.not-found', { walkId: agg.walk.id });
    const ics = toICalendar(agg.walk, gusp.city, { locale: c.get('locale'), url: (w) => `${origin(c)}/api/walks/${w.id}` });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="walk-${agg.walk.id}.ics"` });
  });

  app.get('/api/quartiers/:quartierId/walks.ics', async (c) => {
    const quartier = gusp.city.quartiers.find((q) => q.id === c.req.param('quartierId'));
    if (!quartier) return refuse(c, 'request.not-found', { path: c.req.path });
    const walks = (await publicWalks()).filter((w) => w.quartierId === quartier.id);
    const ics = toICalendarFeed(walks, gusp.city, { locale: c.get('locale'), url: (w) => `${origin(c)}/api/walks/${w.id}` });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  /** The shared compte-rendu as a standalone page or Markdown (the draft stays with staff, as JSON). */
  app.get('/api/walks/:walkId/:file{report\\.(?:html|md)}', async (c) => {
    const walkId = c.req.param('walkId');
    const agg = unwrap(await gusp.walks.get(walkId, { locale: c.get('locale') }));
    if (agg.report?.status !== 'shared') return refuse(c, 'report.not-found', { walkId });
    const locale = c.get('locale');
    return c.req.param('file') === 'report.html'
      ? c.html(reportToHTML(agg.report, agg.walk, gusp.city, { locale }))
      : c.body(reportToMarkdown(agg.report, agg.walk, gusp.city, { locale }), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });
}
