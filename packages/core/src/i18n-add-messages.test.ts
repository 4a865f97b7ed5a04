// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMessages, errorMessage, errorMessageIn, label } from './i18n.js';
import { FIELD_MESSAGES_EN, REGISTRATION_MESSAGES_EN } from './locales/messages.js';

describe('addMessages: a language filled domain by domain (a browser bundle loading English on demand)', () => {
  it('adds to what the language has, without dropping the domains added before', () => {
    addMessages('qaa', [{ errors: { 'field.required': 'Needed.' }, labels: {} }]);
    addMessages('qaa', [{ errors: { 'registration.consent-required': 'Consent!' }, labels: { 'format.colon': ' = ' } }]);
    assert.equal(errorMessage('field.required', 'qaa'), 'Needed.');
    assert.equal(errorMessage('registration.consent-required', 'qaa'), 'Consent!');
    assert.equal(label('format.colon', 'qaa'), ' = ');
    // What it lacks still falls back to French, the reference.
    assert.equal(errorMessage('field.invalid-email', 'qaa'), 'Adresse e-mail invalide (exemple : nom@exemple.fr).');
  });

  it('is found by the domain-scoped lookups too, before the built-in domains', () => {
    addMessages('qab', [FIELD_MESSAGES_EN, REGISTRATION_MESSAGES_EN]);
    assert.equal(errorMessageIn([], 'field.required', 'qab'), 'This field is required.');
    assert.equal(errorMessageIn([], 'field.required', 'qab-BE'), 'This field is required.');
  });
});
