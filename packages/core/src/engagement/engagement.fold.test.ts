// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngagementEvent, ObservationEvent } from '../events.js';
import { engagementFixture, observationFixture } from '../fixtures.test-helpers.js';
import type { EngagementId, OrganisationId } from '../ids.js';
import { foldObservation } from '../observation/observation.fold.js';
import { evolveEngagement, foldEngagement } from './engagement.fold.js';

const proposed: EngagementEvent = {
  type: 'EngagementProposed',
  at: '2026-03-20T10:00:00+01:00',
  data: { engagement: engagementFixture({ milestones: [] }) },
};
const oph = 'oph' as OrganisationId;
const history: EngagementEvent[] = [
  proposed,
  { type: 'EngagementAccepted', at: '2026-03-21T10:00:00+01:00', data: { organisationId: oph, dueOn: '2026-05-01' } },
  { type: 'EngagementStarted', at: '2026-03-22T10:00:00+01:00', data: {} },
  { type: 'EngagementProgressed', at: '2026-04-01T10:00:00+02:00', data: { percent: 60, note: 'Mi-parcours' } },
  { type: 'EngagementCompleted', at: '2026-04-20T10:00:00+02:00', data: {} },
  { type: 'EngagementReopened', at: '2026-04-25T10:00:00+02:00', data: { reason: 'Fuite revenue' } },
];

describe('foldEngagement() and evolveEngagement()', () => {
  it('builds the state and its timeline from the events', () => {
    const e = foldEngagement(history);
    assert.equal(e?.status, 'in-progress');
    assert.equal(e?.organisationId, 'oph');
    assert.equal(e?.progress, 60, 'a reopened engagement stands where its last point d’étape said, not at 100 %');
    assert.equal(e?.completedAt, undefined, 'a reopened engagement is no longer completed');
    assert.deepEqual(
      e?.milestones.map((m) => m.kind),
      ['proposed', 'accepted', 'started', 'progressed', 'completed', 'reopened'],
    );
    assert.deepEqual(e?.milestones[3], { at: '2026-04-01T10:00:00+02:00', kind: 'progressed', percent: 60, note: 'Mi-parcours' });
  });

  it('gives the same state folded at once or event by event', () => {
    for (let split = 1; split < history.length; split++) {
      const head = foldEngagement(history.slice(0, split));
      assert.ok(head);
      assert.deepStrictEqual(evolveEngagement(head, history.slice(split)), foldEngagement(history));
    }
  });

  it('never changes the engagement it evolves', () => {
    const head = foldEngagement(history.slice(0, 3));
    assert.ok(head);
    const copy = structuredClone(head);
    evolveEngagement(head, history.slice(3));
    assert.deepStrictEqual(head, copy);
  });

  it('resets a reopened engagement’s progress to the last point d’étape before completion, 0 % without one', () => {
    const [first, accepted, started, , completed, reopened] = history as [EngagementEvent, ...EngagementEvent[]];
    const noProgress = [first, accepted, started, completed, reopened] as EngagementEvent[];
    assert.equal(foldEngagement(noProgress)?.progress, 0);
    const verifiedThenReopened: EngagementEvent[] = [
      ...history,
      { type: 'EngagementProgressed', at: '2026-04-26T10:00:00+02:00', data: { percent: 80 } },
      { type: 'EngagementCompleted', at: '2026-04-27T10:00:00+02:00', data: {} },
      { type: 'EngagementVerified', at: '2026-04-28T10:00:00+02:00', data: {} },
      { type: 'EngagementReopened', at: '2026-04-29T10:00:00+02:00', data: { reason: 'Encore une fuite' } },
    ];
    const e = foldEngagement(verifiedThenReopened);
    assert.equal(e?.status, 'in-progress');
    assert.equal(e?.progress, 80);
  });

  it('counts the participants’ answers, one per person, without a milestone, afresh at each completion', () => {
    const done = history.slice(0, 5);
    const answered = (at: string, voter: string, answer: 'yes' | 'partly' | 'no', replaces?: 'yes' | 'partly' | 'no'): EngagementEvent => ({
      type: 'EngagementResidentAnswered',
      at,
      data: replaces === undefined ? { voter, answer } : { voter, answer, replaces },
    });
    const events = [
      ...done,
      answered('2026-04-21T10:00:00+02:00', 'a', 'partly'),
      answered('2026-04-21T11:00:00+02:00', 'b', 'no'),
      answered('2026-04-21T12:00:00+02:00', 'b', 'yes', 'no'),
    ];
    const e = foldEngagement(events);
    assert.equal(e?.status, 'done');
    assert.deepEqual(e?.residentAnswers, { yes: 1, partly: 1, no: 0 });
    assert.equal(e?.residentsSaidNo, false);
    assert.equal(e?.milestones.length, 5, 'answers are counted, not put on the timeline');
    assert.equal(e?.updatedAt, '2026-04-21T12:00:00+02:00');
    const saidNo = foldEngagement([...events, answered('2026-04-22T10:00:00+02:00', 'c', 'no')]);
    assert.deepEqual(saidNo?.residentAnswers, { yes: 1, partly: 1, no: 1 });
    assert.equal(saidNo?.residentsSaidNo, true);
    const fresh = foldEngagement(history);
    assert.deepEqual(fresh?.residentAnswers, { yes: 0, partly: 0, no: 0 });
    assert.equal(fresh?.residentsSaidNo, false);
    const again = foldEngagement([
      ...events,
      { type: 'EngagementReopened', at: '2026-04-23T10:00:00+02:00', data: { reason: 'Pas fini' } },
      { type: 'EngagementCompleted', at: '2026-04-30T10:00:00+02:00', data: {} },
    ]);
    assert.deepEqual(again?.residentAnswers, { yes: 0, partly: 0, no: 0 }, 'a new completion asks again');
    for (let split = 1; split < events.length; split++) {
      const head = foldEngagement(events.slice(0, split));
      assert.ok(head);
      assert.deepStrictEqual(evolveEngagement(head, events.slice(split)), foldEngagement(events));
    }
  });

  it('refuses a stream that does not start with EngagementProposed, and a second proposal', () => {
    assert.equal(foldEngagement([]), undefined);
    assert.throws(() => foldEngagement(history.slice(1)), /must start with EngagementProposed/);
    assert.throws(() => foldEngagement([proposed, proposed]), /can only start a stream/);
  });
});

describe('foldObservation()', () => {
  const recorded: ObservationEvent = {
    type: 'ObservationRecorded',
    at: '2026-03-14T10:00:00+01:00',
    data: {
      observation: observationFixture({
        reporter: { name: 'Lina', email: 'lina@example.org', consent: { version: '1', at: '2026-03-14T10:00:00+01:00' } },
      }),
    },
  };

  it('follows the lifecycle and keeps what each step says', () => {
    const o = foldObservation([
      recorded,
      { type: 'ObservationQualified', at: '2026-03-15T10:00:00+01:00', data: { organisationId: oph, severity: 'high' } },
      { type: 'ObservationCommitted', at: '2026-03-16T10:00:00+01:00', data: { engagementId: 'eng-9' as EngagementId } },
    ]);
    assert.equal(o?.status, 'committed');
    assert.equal(o?.severity, 'high');
    assert.equal(o?.engagementId, 'eng-9');
    assert.equal(o?.updatedAt, '2026-03-16T10:00:00+01:00');
  });

  it('erases the reporter’s contact and nothing else', () => {
    const o = foldObservation([recorded, { type: 'ReporterContactErased', at: '2026-03-20T10:00:00+01:00', data: {} }]);
    assert.equal(o?.reporter, undefined);
    assert.ok(!('reporter' in (o ?? {})));
    assert.equal(o?.status, 'recorded');
  });

  it('refuses a stream that does not start with ObservationRecorded', () => {
    assert.throws(
      () => foldObservation([{ type: 'ObservationResolved', at: '2026-03-20T10:00:00+01:00', data: {} }]),
      /must start with ObservationRecorded/,
    );
  });
});
