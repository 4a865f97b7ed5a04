// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import type { EngagementId, OrganisationId } from '../ids.js';
import { engagementsToCSV, parseCSV, writeCSV } from './csv.js';
import { planEngagementImport } from './engagement-import.js';
import { engagementFixture, engagementsFixture } from './fixtures.test-helpers.js';

const now = new Date('2026-04-20T10:00:00+02:00');
const coordinator = { city: valence, now, actor: { role: 'coordinator' as const } };
const oph = { city: valence, now, actor: { role: 'organisation' as const, organisationId: 'oph' } };

/** The export of `engagements` with some cells changed: `{ 'eng-1': { progress: '60' } }`. */
function edited(engagements = engagementsFixture(), changes: Record<string, Record<string, string>> = {}, extra: string[] = []): string {
  const parsed = parseCSV(engagementsToCSV(engagements, { city: valence, delimiter: ';' }));
  assert.ok(parsed.ok);
  const [header, ...rows] = parsed.value;
  const names = [...header!, ...extra];
  return writeCSV(
    [
      names,
      ...rows.map((row) => {
        const change = changes[row[0]!] ?? {};
        return names.map((name, i) => change[name] ?? row[i] ?? '');
      }),
    ],
    { delimiter: ';' },
  );
}

describe('planEngagementImport', () => {
  it('plans nothing for the export as it is: every row equals its engagement', () => {
    const plan = planEngagementImport(edited(), engagementsFixture(), coordinator);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.steps, []);
    assert.equal(plan.rows, 3);
    assert.equal(plan.unchanged, 3);
  });

  it('turns a new percent into a point d’étape with the note, keyed by the file and the row', () => {
    const csv = edited(undefined, { 'eng-1': { progress: '60', note: 'Pose faite' } }, ['note']);
    const plan = planEngagementImport(csv, engagementsFixture(), coordinator);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.steps.map((s) => [s.row, s.engagementId, s.command, s.input]),
      [[2, 'eng-1', 'progress', { percent: 60, note: 'Pose faite' }]],
    );
    assert.match(plan.steps[0]!.key, /^engagement-import:[0-9a-z]+:2:progress$/);
    assert.equal(plan.changed, 1);
    // Another file, another key: a retry replays only the same file's steps.
    const other = planEngagementImport(csv.replace('Pose faite', 'Pose finie'), engagementsFixture(), coordinator);
    assert.notEqual(other.steps[0]!.key, plan.steps[0]!.key);
  });

  it('walks the lifecycle from the current status to the row’s: accepted → done is start then complete', () => {
    const engagements = [engagementFixture({ status: 'accepted', progress: 0 })];
    const plan = planEngagementImport(edited(engagements, { 'eng-1': { status: 'done', progress: '100' } }), engagements, coordinator);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.steps.map((s) => s.command),
      ['start', 'complete'],
    );
  });

  it('accepts a proposed one with its organisation and due date, then reschedules with a reason', () => {
    const engagements = engagementsFixture();
    const csv = edited(engagements, { 'eng-2': { status: 'accepted', dueOn: '2026-09-30' } });
    const plan = planEngagementImport(csv, engagements, coordinator);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.steps.map((s) => [s.command, s.input]),
      [['accept', { organisationId: 'oph', dueOn: '2026-09-30' }]],
    );
    const moved = edited(engagements, { 'eng-1': { dueOn: '2026-07-15', reason: 'Pièce en retard' } }, ['reason']);
    const again = planEngagementImport(moved, engagements, coordinator);
    assert.deepEqual(
      again.steps.map((s) => [s.command, s.input]),
      [['reschedule', { dueOn: '2026-07-15', reason: 'Pièce en retard' }]],
    );
  });

  it('lists every row’s problem, with its row and column, and plans no step at all', () => {
    const csv = edited(undefined, {
      'eng-1': { progress: '140' },
      'eng-2': { status: 'fini' },
      'eng-3': { status: 'abandoned' },
    });
    const plan = planEngagementImport(`${csv}nope;;;;;;;;;;;;;;;;;;;\r\n`, engagementsFixture(), coordinator);
    assert.deepEqual(
      plan.problems.map((p) => [p.row, p.column, p.code]),
      [
        [2, 'progress', 'engagement-import.percent-out-of-range'],
        [3, 'status', 'engagement-import.invalid-status'],
        [4, 'status', 'engagement-import.no-path'],
        [5, 'id', 'engagement-import.unknown-id'],
      ],
    );
    assert.deepEqual(plan.steps, []);
    assert.match(plan.problems[0]!.message, /0 à 100/);
    assert.match(plan.problems[2]!.message, /« Réalisé » à « Abandonné »/);
  });

  it('says a refused rule in words: a reschedule without a reason, a due date in the past', () => {
    const plan = planEngagementImport(
      edited(undefined, { 'eng-1': { dueOn: '2026-07-15' }, 'eng-2': { status: 'accepted', dueOn: '2026-01-01' } }),
      engagementsFixture(),
      { ...coordinator, locale: 'en' },
    );
    assert.deepEqual(
      plan.problems.map((p) => [p.row, p.column, p.code]),
      [
        [2, 'reason', 'engagement.reason-required'],
        [3, 'dueOn', 'engagement.due-date-in-past'],
      ],
    );
    assert.match(plan.problems[0]!.message, /^Move the due date refused \(status “In progress”\)/);
  });

  it('refuses an organisation another organisation’s row, and the coordinator’s commands on its own', () => {
    const engagements = [
      engagementFixture({ organisationId: 'oph' as OrganisationId, status: 'done', progress: 100 }),
      engagementFixture({ id: 'eng-2' as EngagementId }),
    ];
    const csv = edited(engagements, { 'eng-1': { status: 'verified' }, 'eng-2': { progress: '90' } });
    const plan = planEngagementImport(csv, engagements, oph);
    assert.deepEqual(
      plan.problems.map((p) => [p.row, p.column, p.code]),
      [
        [2, 'status', 'engagement-import.coordinator-only'],
        [3, 'id', 'engagement-import.forbidden-organisation'],
      ],
    );
    const own = planEngagementImport(edited(engagements.slice(1, 2)), engagements.slice(1, 2), oph);
    assert.equal(own.problems[0]?.code, 'engagement-import.forbidden-organisation');
  });

  it('reads a `,` file, a BOM and a percent written « 60 % », and ignores the columns it does not read', () => {
    const csv = '\uFEFFid,title,progress\r\neng-1,Autre titre,60 %\r\n';
    const plan = planEngagementImport(csv, engagementsFixture(), coordinator);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.steps.map((s) => [s.command, s.input]),
      [['progress', { percent: 60 }]],
    );
  });

  it('refuses a file without an id column, a broken quote, a repeated id', () => {
    assert.equal(planEngagementImport('title;progress\r\nx;1\r\n', [], coordinator).problems[0]?.code, 'csv.missing-columns');
    assert.equal(planEngagementImport('id;progress\r\n"eng-1;1\r\n', [], coordinator).problems[0]?.code, 'csv.invalid');
    const twice = planEngagementImport('id;progress\r\neng-1;50\r\neng-1;60\r\n', engagementsFixture(), coordinator);
    assert.deepEqual(
      twice.problems.map((p) => [p.row, p.code]),
      [[3, 'engagement-import.duplicate-id']],
    );
  });
});

describe('planEngagementImport, cells left as exported', () => {
  it('a percent on an accepted engagement starts it first; the export’s percent left on a row marked done is no point d’étape', () => {
    const engagements = [engagementFixture({ status: 'accepted', progress: 0 }), engagementFixture({ id: 'eng-2' as EngagementId })];
    const csv = edited(engagements, { 'eng-1': { progress: '30' }, 'eng-2': { status: 'done' } });
    const plan = planEngagementImport(csv, engagements, coordinator);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.steps.map((s) => [s.engagementId, s.command]),
      [
        ['eng-1', 'start'],
        ['eng-1', 'progress'],
        ['eng-2', 'complete'],
      ],
    );
  });
});

describe('planEngagementImport, a file sent again', () => {
  it('plans nothing once applied: a status the engagement has gone past is no wish', () => {
    const before = [engagementFixture({ status: 'accepted', progress: 0 })];
    const csv = edited(before, { 'eng-1': { progress: '30' } });
    const after = [engagementFixture({ status: 'in-progress', progress: 30 })];
    const plan = planEngagementImport(csv, after, coordinator);
    assert.deepEqual([plan.problems, plan.steps, plan.unchanged], [[], [], 1]);
    // An abandoned one asked to run again is refused, said as such.
    const done = [engagementFixture({ status: 'abandoned' })];
    const back = planEngagementImport(edited(done, { 'eng-1': { status: 'in-progress' } }), done, coordinator);
    assert.deepEqual(
      back.problems.map((p) => [p.column, p.code]),
      [['status', 'engagement-import.no-path']],
    );
  });
});
