// SPDX-License-Identifier: EUPL-1.2
/** Who acted, as the core's actor: a session's account, or a token's id; the core accepts both. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { StaffActor, validate } from '@gusp/core';
import { staffActor } from './actor.js';

describe('staffActor', () => {
  test('a session names its account; an organisation keeps its organisation', () => {
    assert.deepEqual(staffActor({ accountId: 'acc1', sessionId: 's', role: 'agent' }), { accountId: 'acc1', role: 'agent' });
    assert.deepEqual(staffActor({ accountId: 'acc2', role: 'organisation', organisationId: 'oph' }), {
      accountId: 'acc2',
      role: 'organisation',
      organisationId: 'oph',
    });
  });

  test('a token stands for an account as token:<id>, which the core’s StaffActor accepts', () => {
    const actor = staffActor({ tokenId: 'Ab3_x-9', role: 'coordinator' });
    assert.deepEqual(actor, { accountId: 'token:Ab3_x-9', role: 'coordinator' });
    assert.equal(validate(StaffActor, actor, 'fr').ok, true);
    assert.equal(validate(StaffActor, staffActor({ tokenId: 'T', role: 'organisation', organisationId: 'oph' }), 'fr').ok, true);
  });
});
