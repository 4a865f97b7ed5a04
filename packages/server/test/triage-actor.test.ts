// SPDX-License-Identifier: EUPL-1.2
/**
 * Every staff action records who did it (issue 13), for the triage of observations and the
 * compte-rendu: qualify, reject, mark as duplicate and resolve an observation, then draft, validate
 * and share a walk's report, over real HTTP on PGlite and PostgreSQL, once with a coordinator's
 * API token and once with a coordinator's session (its cookie, Origin and X-CSRF-Token). Each event
 * they append names who asked (`by`): `token:<id>` or the account, with the role.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Gusp } from '@gusp/core';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, REPORT } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

type Actor = { by: { accountId: string; role: string }; headers: (base: string) => Record<string, string> };

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** A finished walk (scheduled, published, closed, started and finished through the core, naming nobody). */
async function finishedWalk(gusp: Gusp): Promise<string> {
  const walk = must(
    await gusp.walks.schedule({
      quartierId: 'chamberliere',
      startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
      capacity: 10,
      meetingPoint: { label: 'Centre social' },
      registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
    }),
  );
  must(await gusp.walks.publish(walk.id));
  must(await gusp.walks.closeRegistrations(walk.id));
  must(await gusp.walks.start(walk.id));
  must(await gusp.walks.finish(walk.id));
  return walk.id;
}

onBothDatabases((name, open, skip) => {
  describe(`who acted, on triage and compte-rendu events (${name}, real HTTP)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let token: Actor;
    let session: Actor;
    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      const made = await createToken(db.sql, { role: 'coordinator', label: 'triage-actor coordinator' });
      token = {
        by: { accountId: `token:${made.id}`, role: 'coordinator' },
        headers: () => ({ authorization: `Bearer ${made.token}` }),
      };
      const invited = await server.staff.invite({ email: 'coordination@mairie.example', role: 'coordinator', invitedBy: 'test' });
      const signed = await call(server.url, 'POST', '/api/staff/sign-in/verify', {
        body: { token: new URL(invited.link).searchParams.get('token') },
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const cookie = /^(gusp_session=[^;]+)/.exec(signed.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(cookie, 'a session cookie');
      const csrf = signed.body.session.csrfToken as string;
      session = {
        by: { accountId: invited.account.id, role: 'coordinator' },
        headers: (base) => ({ cookie, origin: base, 'x-csrf-token': csrf }),
      };
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    const byIn = async (stream: string) => {
      const { events } = await sqlStore(db.sql).read(stream);
      return events.slice(1).map((e) => [e.type, (e.data as { by?: unknown }).by]);
    };

    for (const [kind, actor] of [
      ['an API token', () => token],
      ['a session', () => session],
    ] as const) {
      test(`qualify, resolve, reject and mark-duplicate, then draft, validate and share, each name ${kind}`, async () => {
        const base = server.url;
        const who = actor();
        const post = async (path: string, body?: unknown) => {
          const r = await call(base, 'POST', path, { headers: who.headers(base), ...(body === undefined ? {} : { body }) });
          assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
        };
        const [fixed, aside, twin] = await Promise.all(
          ['Lampadaire éteint', 'Hors du quartier', 'Lampadaire éteint, encore'].map(async (description) =>
            must(await server.gusp.observations.record({ ...REPORT, description } as never)),
          ),
        );
        await post(`/api/observations/${fixed!.id}/qualify`, { organisationId: 'oph', severity: 'medium' });
        await post(`/api/observations/${fixed!.id}/resolve`);
        await post(`/api/observations/${aside!.id}/reject`, { reason: 'Hors du périmètre de la ville' });
        await post(`/api/observations/${twin!.id}/mark-duplicate`, { of: fixed!.id });
        assert.deepEqual(await byIn(`observation-${fixed!.id}`), [
          ['ObservationQualified', who.by],
          ['ObservationResolved', who.by],
        ]);
        assert.deepEqual(await byIn(`observation-${aside!.id}`), [['ObservationRejected', who.by]]);
        assert.deepEqual(await byIn(`observation-${twin!.id}`), [['ObservationMarkedDuplicate', who.by]]);

        const walkId = await finishedWalk(server.gusp);
        await post(`/api/walks/${walkId}/report/draft`);
        await post(`/api/walks/${walkId}/report/validate`, { summary: 'Éclairage à reprendre.' });
        await post(`/api/walks/${walkId}/report/share`);
        const reportEvents = (await byIn(`walk-${walkId}`)).filter(([type]) => String(type).startsWith('Report'));
        assert.deepEqual(reportEvents, [
          ['ReportDrafted', who.by],
          ['ReportValidated', who.by],
          ['ReportShared', who.by],
        ]);
      });
    }
  });
});
