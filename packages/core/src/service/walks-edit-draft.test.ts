// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp.walks.editDraft`: a coordinator sets a draft's details again (the planning screen's form,
 * sent whole), before it is published; the rules table's `editDraft`, only from `draft`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WalkDraftEdited } from '../events.js';
import { eventsFrom } from '../rules/transition.js';
import { walkRules } from '../walk/walk.rules.js';
import { assertRefused, LE_PLAN_STOPS, openWalk, setup, unwrap, WALK_STARTS_AT } from './service.test-helpers.js';

const COORDINATOR = { accountId: 'acc-coordinatrice', role: 'coordinator', organisationId: 'ville-de-valence' } as const;

describe('walks: editing a draft', () => {
  it('is an event of the draft only, in the rules table', () => {
    assert.ok(eventsFrom(walkRules, 'draft').includes('editDraft'));
    for (const status of ['open', 'closed', 'in-progress', 'done', 'reported', 'cancelled'] as const)
      assert.ok(!eventsFrom(walkRules, status).includes('editDraft'), status);
  });

  it('sets every detail again, the defaults filling what is not given and what was dropped going, and names who did it', async () => {
    const { gusp, store } = setup();
    const draft = unwrap(
      await gusp.walks.schedule({
        quartierId: 'le-plan',
        startsAt: WALK_STARTS_AT,
        title: 'Autour des Bleuets',
        stops: [...LE_PLAN_STOPS],
        capacity: 12,
        institutionalSeats: 4,
        registrationDeadline: '2026-03-10T12:00:00+01:00',
      }),
    );
    const edited = unwrap(
      await gusp.walks.editDraft(
        draft.id,
        {
          quartierId: 'fontbarlettes',
          startsAt: '2026-03-21T14:00:00+01:00',
          stops: [{ ...LE_PLAN_STOPS[2] }, { label: 'Nouvelle halte', point: { lat: 44.93, lon: 4.9 } }],
          organiserIds: ['oph'],
        },
        { actor: COORDINATOR },
      ),
    );
    assert.equal(edited.status, 'draft');
    assert.equal(edited.id, draft.id);
    assert.equal(edited.quartierId, 'fontbarlettes');
    assert.equal(edited.startsAt, '2026-03-21T14:00:00+01:00');
    // Dropped: the title and the institutional seats; the city's defaults for the rest.
    assert.equal(edited.title, undefined);
    assert.equal(edited.institutionalSeats, undefined);
    assert.equal(edited.capacity, 25);
    assert.equal(edited.durationMinutes, 240);
    assert.equal(edited.registrationDeadline, '2026-03-20T18:00:00+01:00', 'the city rule, from the new start');
    assert.deepEqual(
      edited.stops.map((s) => s.label),
      [LE_PLAN_STOPS[2].label, 'Nouvelle halte'],
    );
    assert.equal(edited.stops[0]!.id, LE_PLAN_STOPS[2].id, 'a stop given with its id keeps it');
    assert.ok(edited.stops[1]!.id, 'a new stop gets one');
    assert.equal(edited.meetingPoint?.label, LE_PLAN_STOPS[2].label, 'the first stop, the meeting point given before dropped');
    assert.equal(edited.sequence, 0, 'nobody holds a calendar event of a draft');
    // What is stored is what is read again (the fold of the journal).
    assert.deepEqual(unwrap(await gusp.walks.get(draft.id)).walk, edited);
    const last = (await store.read(`walk-${draft.id}`)).events.at(-1) as unknown as WalkDraftEdited;
    assert.equal(last.type, 'WalkDraftEdited');
    assert.deepEqual(last.data.by, COORDINATOR);
    // Then it publishes as any draft.
    assert.equal(unwrap(await gusp.walks.publish(draft.id)).status, 'open');
  });

  it('refuses a published walk, an unknown quartier, a bad input and an unknown walk, in the caller’s language', async () => {
    const { gusp } = setup();
    const open = await openWalk(gusp);
    assertRefused(await gusp.walks.editDraft(open.id, { quartierId: 'le-plan', startsAt: WALK_STARTS_AT }), 'walk.invalid-transition');
    const draft = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT }));
    assertRefused(await gusp.walks.editDraft(draft.id, { quartierId: 'la-duchere', startsAt: WALK_STARTS_AT }), 'walk.unknown-quartier');
    const input = { quartierId: 'le-plan', startsAt: 'demain', stops: [{ label: '' }] };
    const bad = assertRefused(await gusp.walks.editDraft(draft.id, input), 'validation.invalid');
    const en = await gusp.walks.editDraft(draft.id, input, { locale: 'en' });
    assert.equal(en.ok ? '' : en.error.message, 'Some information is missing or invalid.');
    assert.deepEqual((bad.details.issues as { path: string }[]).map((i) => i.path).sort(), ['startsAt', 'stops.0.label']);
    assertRefused(await gusp.walks.editDraft('nope', { quartierId: 'le-plan', startsAt: WALK_STARTS_AT }), 'walk.not-found');
    assert.equal(unwrap(await gusp.walks.get(draft.id)).walk.quartierId, 'le-plan', 'nothing changed');
  });

  it('applies a client id once, and refuses it with another form (store.client-id-reused), as a workshop’s edit does', async () => {
    const { gusp, store } = setup();
    const draft = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT }));
    const form = { quartierId: 'le-plan', startsAt: WALK_STARTS_AT, title: 'Autour des Bleuets' };
    const first = await gusp.walks.editDraft(draft.id, form, { clientId: 'edit-1' });
    assert.ok(first.ok);
    const count = (await store.readAll()).length;
    assert.deepEqual(await gusp.walks.editDraft(draft.id, { ...form }, { clientId: 'edit-1' }), first, 'a retry: the first outcome');
    assertRefused(
      await gusp.walks.editDraft(draft.id, { ...form, title: 'Autre chose' }, { clientId: 'edit-1' }),
      'store.client-id-reused',
    );
    assert.equal((await store.readAll()).length, count, 'nothing appended');
  });
});
