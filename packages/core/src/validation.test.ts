// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordObservationInput } from './observation/observation.js';
import { RegisterInput } from './registration/registration.js';
import { validate } from './validation.js';

const issuesOf = (r: ReturnType<typeof validate>) => (r.ok ? [] : (r.error.details.issues as { path: string; code: string; message: string }[]));

describe('validate', () => {
  it('says a missing choice is required, not unknown', () => {
    const issues = issuesOf(validate(RecordObservationInput, { themeId: 'voirie', description: 'Trou' }));
    assert.deepEqual(issues.find((i) => i.path === 'polarity')?.code, 'field.required');
  });
  it('says an unknown choice is unknown, listing the possible values', () => {
    const issues = issuesOf(validate(RecordObservationInput, { polarity: 'meh', themeId: 'voirie', description: 'Trou' }));
    const polarity = issues.find((i) => i.path === 'polarity');
    assert.equal(polarity?.code, 'field.invalid-value');
    assert.match(polarity?.message ?? '', /positive, problem/);
  });
  it('gives one localized issue per field, in English on request', () => {
    const issues = issuesOf(validate(RegisterInput, { name: '', email: 'not-an-email', consent: 'yes' }, 'en'));
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [
        ['name', 'field.required'],
        ['email', 'field.invalid-email'],
        ['consent', 'field.invalid-type'],
      ],
    );
    assert.equal(issues[0]?.message, 'This field is required.');
  });
});
