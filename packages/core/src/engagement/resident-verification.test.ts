// SPDX-License-Identifier: EUPL-1.2
/**
 * Verification by the people who were there (issue 14): who is asked, their links, their answers
 * counted on the engagement, and the coordinator — never an organisation — verifying.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Gusp } from '../service/create-gusp.js';
import { assertRefused, openWalk, person, setup, unwrap, WALK_STARTS_AT, type TestGusp } from '../service/service.test-helpers.js';
import { residentVerificationToken, residentVoter, verificationParticipants } from './resident-verification.js';

const coordinator = { accountId: 'acc-coordinator', role: 'coordinator', organisationId: 'ville-de-valence' } as const;
const oph = { accountId: 'acc-oph', role: 'organisation', organisationId: 'oph' } as const;

/** A walk two people with an email and one by phone attended (one of them a walk-in), and a done engagement of it. */
async function doneEngagementOfAWalk(t: TestGusp) {
  const { gusp, clock } = t;
  const walk = await openWalk(gusp);
  const amina = unwrap(await gusp.walks.register(walk.id, person({ name: 'Amina', locale: 'fr' }))).registration;
  const phoneOnly = unwrap(
    await gusp.walks.register(walk.id, person({ name: 'Paul', email: undefined, phone: '06 12 34 56 78' })),
  ).registration;
  const absent = unwrap(await gusp.walks.register(walk.id, person({ name: 'Absente' }))).registration;
  clock.set(WALK_STARTS_AT);
  unwrap(await gusp.walks.start(walk.id));
  unwrap(await gusp.walks.checkIn(walk.id, amina.id));
  unwrap(await gusp.walks.checkIn(walk.id, phoneOnly.id));
  const john = unwrap(await gusp.walks.walkIn(walk.id, person({ name: 'John', locale: 'en' }))).registration;
  unwrap(await gusp.walks.finish(walk.id));
  const engagement = await completedEngagement(gusp, walk.id);
  return { walk, amina, phoneOnly, absent, john, engagement };
}

async function completedEngagement(gusp: Gusp, walkId: string) {
  const e = unwrap(await gusp.engagements.propose({ title: 'Réparer la porte du hall B', quartierId: 'le-plan', walkId }));
  unwrap(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-06-30' }, { actor: coordinator }));
  unwrap(await gusp.engagements.start(e.id, {}, { actor: oph, organisationId: 'oph' }));
  unwrap(await gusp.engagements.progress(e.id, { percent: 70 }, { actor: oph, organisationId: 'oph' }));
  return unwrap(await gusp.engagements.complete(e.id, {}, { actor: oph, organisationId: 'oph' }));
}

describe('verificationParticipants()', () => {
  it('asks who attended (walk-ins too) and gave an email; when nobody was checked in, the confirmed registrants', async () => {
    const t = setup();
    const { walk, amina, john } = await doneEngagementOfAWalk(t);
    const agg = unwrap(await t.gusp.walks.get(walk.id));
    assert.deepEqual(
      verificationParticipants(agg.registrations)
        .map((r) => r.id)
        .sort(),
      [amina.id, john.id].sort(),
    );
    const nobodyCame = agg.registrations.map((r) => ({ ...r, status: r.id === john.id ? ('cancelled' as const) : ('confirmed' as const) }));
    assert.deepEqual(
      verificationParticipants(nobodyCame).map((r) => r.name),
      ['Amina', 'Absente'],
      'the confirmed ones with an email, when nobody was checked in',
    );
    assert.deepEqual(verificationParticipants(agg.registrations.map((r) => ({ ...r, anonymised: true }))), []);
  });
});

describe('engagements.answer()', () => {
  it('counts one answer per person, a changed answer replacing the earlier one, and flags a « Non »', async () => {
    const t = setup();
    const { amina, john, engagement } = await doneEngagementOfAWalk(t);
    assert.deepEqual(engagement.residentAnswers, { yes: 0, partly: 0, no: 0 });
    const aminaToken = residentVerificationToken(engagement.id, amina);
    const johnToken = residentVerificationToken(engagement.id, john);
    assert.match(aminaToken, /^[0-9a-f]{64}$/);
    assert.notEqual(aminaToken, johnToken);

    assert.deepEqual(unwrap(await t.gusp.engagements.residentQuestion(engagement.id, aminaToken)), { engagement });
    unwrap(await t.gusp.engagements.answer(engagement.id, { token: aminaToken, answer: 'partly' }));
    assert.equal(unwrap(await t.gusp.engagements.residentQuestion(engagement.id, aminaToken)).answer, 'partly');
    let e = unwrap(await t.gusp.engagements.answer(engagement.id, { token: johnToken, answer: 'no' }));
    assert.deepEqual(e.residentAnswers, { yes: 0, partly: 1, no: 1 });
    assert.equal(e.residentsSaidNo, true);
    e = unwrap(await t.gusp.engagements.answer(engagement.id, { token: johnToken, answer: 'yes' }));
    assert.deepEqual(e.residentAnswers, { yes: 1, partly: 1, no: 0 });
    assert.equal(e.residentsSaidNo, false);
    unwrap(await t.gusp.engagements.answer(engagement.id, { token: johnToken, answer: 'yes' }));
    assert.deepEqual(unwrap(await t.gusp.engagements.get(engagement.id)).residentAnswers, { yes: 1, partly: 1, no: 0 });

    const { events } = await t.store.read(`engagement-${engagement.id}`);
    const answers = events.filter((x) => x.type === 'EngagementResidentAnswered');
    assert.equal(answers.length, 3, 'the same answer again appends nothing');
    assert.deepEqual(answers[2]?.data, { voter: residentVoter(johnToken), answer: 'yes', replaces: 'no' });
    const journal = JSON.stringify(events);
    for (const secret of [aminaToken, johnToken, amina.id, john.id, 'Amina', 'John'])
      assert.ok(!journal.includes(secret), `the engagement's stream does not hold ${secret}`);
  });

  it('refuses a forged token, another engagement’s, and answers once the engagement is reopened', async () => {
    const t = setup();
    const { walk, amina, phoneOnly, absent, engagement } = await doneEngagementOfAWalk(t);
    const other = await completedEngagement(t.gusp, walk.id);
    assertRefused(
      await t.gusp.engagements.answer(engagement.id, { token: 'f'.repeat(64), answer: 'yes' }),
      'engagement.verification-link-not-found',
    );
    assertRefused(
      await t.gusp.engagements.answer(engagement.id, { token: residentVerificationToken(other.id, amina), answer: 'yes' }),
      'engagement.verification-link-not-found',
    );
    for (const notAsked of [phoneOnly, absent])
      assertRefused(
        await t.gusp.engagements.answer(engagement.id, { token: residentVerificationToken(engagement.id, notAsked), answer: 'yes' }),
        'engagement.verification-link-not-found',
      );
    assertRefused(await t.gusp.engagements.answer(engagement.id, { token: 'short', answer: 'yes' }), 'validation.invalid');
    assertRefused(await t.gusp.engagements.residentQuestion(engagement.id, 'f'.repeat(64)), 'engagement.verification-link-not-found');
    assertRefused(
      await t.gusp.engagements.answer(engagement.id, { token: residentVerificationToken(engagement.id, amina), answer: 'maybe' as 'yes' }),
      'validation.invalid',
    );
    unwrap(await t.gusp.engagements.reopen(engagement.id, { reason: 'Pas fini' }, { actor: coordinator }));
    assertRefused(
      await t.gusp.engagements.answer(engagement.id, { token: residentVerificationToken(engagement.id, amina), answer: 'yes' }),
      'engagement.not-awaiting-answers',
    );
  });
});

describe('engagements.verify() and reopen()', () => {
  it('never lets an organisation verify, even its own; the coordinator verifies, reopens, and progress goes back to the last milestone', async () => {
    const t = setup();
    const { engagement } = await doneEngagementOfAWalk(t);
    assertRefused(
      await t.gusp.engagements.verify(engagement.id, {}, { actor: oph, organisationId: 'oph' }),
      'engagement.organisation-cannot-verify',
    );
    assertRefused(await t.gusp.engagements.verify(engagement.id, {}, { organisationId: 'oph' }), 'engagement.organisation-cannot-verify');
    const verified = unwrap(await t.gusp.engagements.verify(engagement.id, { note: 'Vu avec les habitants' }, { actor: coordinator }));
    assert.equal(verified.status, 'verified');
    assert.deepEqual(verified.milestones.at(-1)?.by, { role: 'coordinator', organisationId: 'ville-de-valence' });
    assertRefused(await t.gusp.engagements.reopen(engagement.id, { reason: ' ' }, { actor: coordinator }), 'engagement.reason-required');
    const reopened = unwrap(await t.gusp.engagements.reopen(engagement.id, { reason: 'La porte claque encore' }, { actor: coordinator }));
    assert.equal(reopened.status, 'in-progress');
    assert.equal(reopened.progress, 70, 'back to the last point d’étape, not 100 %');
    assert.equal(reopened.completedAt, undefined);
  });
});
