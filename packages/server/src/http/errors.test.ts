// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ENGAGEMENT_MESSAGES,
  FOLLOW_UP_MESSAGES,
  OBSERVATION_MESSAGES,
  OPEN311_MESSAGES,
  PROJECT_MESSAGES,
  REGISTRATION_MESSAGES,
  REPORT_MESSAGES,
  STORE_MESSAGES,
  WALK_MESSAGES,
} from '@gusp/core';
import { CLASSIFIED_CODES, open311StatusOf, statusOf } from './errors.js';
import { fr } from './messages.js';

describe('one error code → status map for every surface', () => {
  test('every code the table names is a real code of the core or of the server', () => {
    const core = [
      WALK_MESSAGES,
      REGISTRATION_MESSAGES,
      OBSERVATION_MESSAGES,
      REPORT_MESSAGES,
      ENGAGEMENT_MESSAGES,
      FOLLOW_UP_MESSAGES,
      STORE_MESSAGES,
      OPEN311_MESSAGES,
      PROJECT_MESSAGES,
    ].flatMap((m) => Object.keys(m.fr?.errors ?? {}));
    for (const code of CLASSIFIED_CODES) assert.ok(code in fr || core.includes(code), code);
  });

  test('Open311 answers what GeoReport v2 knows: 404 unknown, 403 forbidden, 400 for the rest; a crossed write keeps 409', () => {
    assert.equal(open311StatusOf('open311.unknown-service'), 404);
    assert.equal(open311StatusOf('observation.not-found'), 404);
    assert.equal(open311StatusOf('request.not-found'), 404);
    assert.equal(open311StatusOf('engagement.forbidden-organisation'), 403);
    assert.equal(open311StatusOf('store.conflict'), 409);
    for (const code of [
      'validation.invalid',
      'open311.location-required',
      'open311.quartier-required',
      'observation.unknown-theme',
      'observation.walk-not-underway',
      'request.invalid-json',
      'request.invalid-query',
    ]) {
      assert.equal(open311StatusOf(code), 400, code);
    }
  });

  test('the JSON API tells a rule (422) from a state (409) and a crossed write (409)', () => {
    assert.equal(statusOf('open311.location-required'), 422);
    assert.equal(statusOf('observation.walk-not-underway'), 409);
    assert.equal(statusOf('store.conflict'), 409);
    assert.equal(statusOf('request.not-found'), 404);
    // The same kinds agree on both surfaces where GeoReport v2 has the status.
    for (const code of ['walk.not-found', 'engagement.forbidden-organisation', 'request.invalid-json', 'store.conflict'])
      assert.equal(open311StatusOf(code), statusOf(code), code);
  });
});
