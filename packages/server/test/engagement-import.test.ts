// SPDX-License-Identifier: EUPL-1.2
/**
 * The CSV import of engagements' progress over real HTTP, on PGlite and PostgreSQL (issue 14):
 * the export edited in a spreadsheet and posted back. One bad row and nothing changes, the row
 * named; fixed, every update is applied once; posted again, nothing changes; two posts of the
 * same file at once apply it once; an organisation's file with another's row is refused.
 */
import { parseCSV, writeCSV } from '@gusp/core';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, inDays } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

type Headers = Record<string, string>;

/** The export with some cells changed (by id), in `;` as a French spreadsheet saves it. */
function edit(csv: string, changes: Record<string, Record<string, string>>, extra: string[] = []): string {
  const parsed = parseCSV(csv);
  assert.ok(parsed.ok);
  const [header, ...rows] = parsed.value;
  const names = [...header!, ...extra];
  return writeCSV([names, ...rows.map((row) => names.map((name, i) => changes[row[0]!]?.[name] ?? row[i] ?? ''))], { delimiter: ';' });
}

onBothDatabases((name, open, skip) => {
  describe(`CSV import of engagements' progress (${name})`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let coordinator: Headers;
    let oph: Headers;
    const ids: string[] = [];
    const due = inDays(60).slice(0, 10);
    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      const token = async (role: 'coordinator' | 'organisation', organisationId?: string) => {
        const made = await createToken(db.sql, { role, label: `import ${role}`, ...(organisationId ? { organisationId } : {}) });
        return { authorization: `Bearer ${made.token}` };
      };
      coordinator = await token('coordinator');
      oph = await token('organisation', 'oph');
      // Three engagements: two the OPH's (one started), one the Ville's.
      for (const [title, organisationId] of [
        ['Réparer la porte du hall B', 'oph'],
        ['Repeindre la cage d’escalier', 'oph'],
        ['Remplacer le lampadaire, rue Bizet', 'ville-de-valence'],
      ] as const) {
        const proposed = await call(server.url, 'POST', '/api/engagements', {
          body: { title, quartierId: 'fontbarlettes' },
          headers: coordinator,
        });
        assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
        const id = proposed.body.id as string;
        const accepted = await call(server.url, 'POST', `/api/engagements/${id}/accept`, {
          body: { organisationId, dueOn: due },
          headers: coordinator,
        });
        assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
        ids.push(id);
      }
      assert.equal((await call(server.url, 'POST', `/api/engagements/${ids[0]}/start`, { headers: oph })).status, 200);
    });
    after(async () => {
      await server.close();
      await db.close();
    });

    const exported = async (query = 'quartier=fontbarlettes') => {
      const r = await call(server.url, 'GET', `/api/engagements.csv?${query}`);
      assert.equal(r.status, 200);
      return r.body as string;
    };
    /** The row of each engagement in an export (the header is row 1). */
    const rowOf = (csv: string, id: string) => {
      const parsed = parseCSV(csv);
      assert.ok(parsed.ok);
      return parsed.value.findIndex((row) => row[0] === id) + 1;
    };
    const eventCounts = async () => Promise.all(ids.map(async (id) => (await sqlStore(db.sql).read(`engagement-${id}`)).events.length));
    const post = (csv: string, headers: Headers, dryRun?: boolean) =>
      call(server.url, 'POST', '/api/engagements/import', { body: dryRun === undefined ? { csv } : { csv, dryRun }, headers });

    test('one bad row changes nothing and names its row and column; the dry run lists every row’s problem', async () => {
      const before = await eventCounts();
      const file = await exported();
      const csv = edit(file, {
        [ids[0]!]: { progress: '50' },
        [ids[1]!]: { status: 'in-progress' },
        [ids[2]!]: { progress: '140' },
      });
      const refused = await post(csv, coordinator);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'engagement-import.invalid');
      assert.deepEqual(
        refused.body.error.details.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]),
        [[rowOf(file, ids[2]!), 'progress', 'engagement-import.percent-out-of-range']],
      );
      assert.match(refused.body.error.details.problems[0].message, /0 à 100/);
      assert.deepEqual(await eventCounts(), before, 'nothing applied');

      // The dry run says the same, in the caller's language, and lists what would be done.
      const dry = await call(server.url, 'POST', '/api/engagements/import?dry-run=1', {
        body: { csv: `${csv}nope${';'.repeat(19)}\r\n` },
        headers: { ...coordinator, 'accept-language': 'en' },
      });
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.equal(dry.body.dryRun, true);
      assert.deepEqual(
        dry.body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]),
        [
          [rowOf(file, ids[2]!), 'progress', 'engagement-import.percent-out-of-range'],
          [5, 'id', 'engagement-import.unknown-id'],
        ],
      );
      assert.match(dry.body.problems[1].message, /No engagement has the id “nope”/);
      assert.deepEqual(await eventCounts(), before, 'a dry run applies nothing');
    });

    test('with the row fixed, every update is applied once; posted again, nothing changes', async () => {
      const before = await eventCounts();
      const file = await exported();
      const csv = edit(
        file,
        {
          [ids[0]!]: { progress: '50', note: 'Serrure posée' },
          [ids[1]!]: { status: 'in-progress' },
          [ids[2]!]: { progress: '40' },
        },
        ['note'],
      );
      const dry = await post(csv, coordinator, true);
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.deepEqual(dry.body.problems, []);
      assert.deepEqual(
        dry.body.steps.map((s: { engagementId: string; command: string }) => [s.engagementId, s.command]).sort(),
        [
          [ids[0], 'progress'],
          [ids[1], 'start'],
          [ids[2], 'start'],
          [ids[2], 'progress'],
        ].sort(),
      );
      assert.ok(dry.body.steps.every((s: { row: number; engagementId: string }) => s.row === rowOf(file, s.engagementId)));
      assert.deepEqual(await eventCounts(), before);

      const applied = await post(csv, coordinator);
      assert.equal(applied.status, 200, JSON.stringify(applied.body));
      assert.deepEqual([applied.body.applied, applied.body.changed, applied.body.unchanged], [4, 3, 0]);
      assert.deepEqual(await eventCounts(), [before[0]! + 1, before[1]! + 1, before[2]! + 2]);
      const states = await Promise.all(ids.map(async (id) => (await call(server.url, 'GET', `/api/engagements/${id}`)).body));
      assert.deepEqual(
        states.map((e) => [e.status, e.progress]),
        [
          ['in-progress', 50],
          ['in-progress', 0],
          ['in-progress', 40],
        ],
      );
      assert.equal(states[0].milestones.at(-1).note, 'Serrure posée');
      assert.deepEqual(states[0].milestones.at(-1).by, { role: 'coordinator' });

      const again = await post(csv, coordinator);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.deepEqual([again.body.applied, again.body.changed, again.body.unchanged], [0, 0, 3]);
      assert.deepEqual(await eventCounts(), [before[0]! + 1, before[1]! + 1, before[2]! + 2], 'posted again: nothing more');
    });

    test('the same file posted twice at once (a retry after a cut connection) is applied once', async () => {
      const before = await eventCounts();
      const csv = edit(await exported(), { [ids[0]!]: { progress: '70' }, [ids[1]!]: { progress: '20' } });
      const answers = await Promise.all([post(csv, coordinator), post(csv, coordinator)]);
      for (const a of answers) assert.equal(a.status, 200, JSON.stringify(a.body));
      assert.deepEqual(await eventCounts(), [before[0]! + 1, before[1]! + 1, before[2]!]);
      // Sent as the file itself, the third time: nothing to do.
      const raw = await call(server.url, 'POST', '/api/engagements/import', {
        raw: csv,
        headers: { ...coordinator, 'content-type': 'text/csv' },
      });
      assert.equal(raw.status, 200, JSON.stringify(raw.body));
      assert.equal(raw.body.applied, 0);
    });

    test('an organisation’s file with another organisation’s row is refused, and so is verifying its own', async () => {
      const before = await eventCounts();
      const file = await exported();
      const csv = edit(file, { [ids[0]!]: { progress: '90' }, [ids[2]!]: { progress: '90' } });
      const refused = await post(csv, oph);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(
        refused.body.error.details.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]),
        [[rowOf(file, ids[2]!), 'id', 'engagement-import.forbidden-organisation']],
      );
      assert.deepEqual(await eventCounts(), before);

      // Its own rows only (the export of its organisation), then done, then verified: refused.
      const own = edit(await exported('organisation=oph'), { [ids[0]!]: { progress: '90' } });
      const ok = await post(own, oph);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.applied, 1);
      const done = await post(edit(await exported('organisation=oph'), { [ids[0]!]: { status: 'done', note: 'Terminé' } }, ['note']), oph);
      assert.equal(done.status, 200, JSON.stringify(done.body));
      const mine = await exported('organisation=oph');
      const verify = await post(edit(mine, { [ids[0]!]: { status: 'verified' } }), oph, true);
      assert.equal(verify.status, 200);
      assert.deepEqual(
        verify.body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]),
        [[rowOf(mine, ids[0]!), 'status', 'engagement-import.coordinator-only']],
      );
      const anonymous = await call(server.url, 'POST', '/api/engagements/import', { body: { csv: own } });
      assert.equal(anonymous.status, 401);
      const form = await call(server.url, 'POST', '/api/engagements/import', {
        raw: own,
        headers: { ...coordinator, 'content-type': 'text/plain' },
      });
      assert.equal(form.status, 415);
      const empty = await call(server.url, 'POST', '/api/engagements/import', { body: { csv: '' }, headers: coordinator });
      assert.equal(empty.status, 422);
      assert.equal(empty.body.error.code, 'validation.invalid');
    });
  });
});
