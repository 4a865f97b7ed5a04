// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordObservationInput } from './observation/observation.js';
import { RegisterInput } from './registration/registration.js';
import { validate } from './validation.js';

const issuesOf = (r: ReturnType<typeof validate>) =>
  r.ok ? [] : (r.error.details.issues as { path: string; code: string; message: string }[]);

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

describe('control characters', () => {
  it('refuses NUL and other controls in typed text with field.control-characters, keeps newlines and tabs', async () => {
    const { ProposeEngagementInput } = await import('./engagement/engagement.js');
    const bad = issuesOf(
      validate(RecordObservationInput, { polarity: 'problem', themeId: 'voirie', description: 'Trou\u0000 dans la chaussée' }),
    );
    assert.deepEqual(
      bad.map((i) => [i.path, i.code]),
      [['description', 'field.control-characters']],
    );
    assert.equal(bad[0]?.message, 'Ce texte contient des caractères invisibles non autorisés.');
    assert.ok(validate(RecordObservationInput, { polarity: 'problem', themeId: 'voirie', description: 'Trou\n\tdans la chaussée' }).ok);
    assert.equal(
      issuesOf(validate(RegisterInput, { name: 'A\u001Bmina', email: 'a@example.org', consent: true }))[0]?.code,
      'field.control-characters',
    );
    assert.equal(
      issuesOf(validate(ProposeEngagementInput, { title: 'X\u007F', quartierId: 'le-plan' }))[0]?.code,
      'field.control-characters',
    );
  });
});
