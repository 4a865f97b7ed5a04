// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTOR_ROLES } from '../actor.js';
import { engagementRules } from '../engagement/engagement.rules.js';
import { catalogueFor, errorMessage, label, registerLocale } from '../i18n.js';
import { observationRules } from '../observation/observation.rules.js';
import { registrationRules } from '../registration/registration.rules.js';
import { reportRules } from '../report/report.rules.js';
import { walkRules } from '../walk/walk.rules.js';
import { en } from './en.js';
import { fr } from './fr.js';

const tables = [walkRules, registrationRules, observationRules, reportRules, engagementRules] as const;

/** Details rich enough for every message function. */
const DETAILS = {
  state: 'draft',
  event: 'publish',
  quartierId: 'le-plan',
  themeId: 'voirie',
  organisationId: 'oph',
  timezone: 'Europe/Paris',
  count: 2,
  minimum: 1,
  maximum: 3,
  origin: 'string',
  values: ['a', 'b'],
  keys: ['x'],
  collection: 'quartiers',
  id: 'le-plan',
  axis: 'voirie',
  line: 3,
  reason: 'x',
  columns: ['a'],
  expected: 2,
  found: 3,
  serviceCode: 'voirie',
  deadline: '2026-03-13T18:00:00+01:00',
};

describe('locales: en and fr', () => {
  it('have exactly the same error keys', () => {
    assert.deepEqual(Object.keys(en.errors).sort(), Object.keys(fr.errors).sort());
  });

  it('have exactly the same label keys', () => {
    assert.deepEqual(Object.keys(en.labels).sort(), Object.keys(fr.labels).sort());
  });

  it('give each message in both languages the same shape (text or function of the details)', () => {
    for (const [key, message] of Object.entries(fr.errors)) assert.equal(typeof en.errors[key], typeof message, key);
  });

  it('write every message as readable text, with no placeholder left empty', () => {
    for (const catalogue of [fr, en]) {
      for (const key of Object.keys(catalogue.errors)) {
        const text = errorMessage(key, catalogue.locale, DETAILS);
        assert.ok(text.trim().length > 0, `${catalogue.locale} ${key}`);
        assert.ok(!/undefined|\[object Object\]/.test(text), `${catalogue.locale} ${key}: ${text}`);
      }
      for (const [key, text] of Object.entries(catalogue.labels)) assert.ok(text.length > 0, `${catalogue.locale} ${key}`);
    }
  });

  it('have a message for every code a lifecycle table can refuse with', () => {
    for (const table of tables) {
      const codes = [`${table.id}.invalid-transition`, ...Object.values(table.guards).map((g) => (g as { code: string }).code)];
      for (const code of codes) {
        assert.ok(code in fr.errors, `fr lacks ${code}`);
        assert.ok(code in en.errors, `en lacks ${code}`);
      }
    }
  });

  it('have a label for every status of every lifecycle, every role and both polarities', () => {
    const keys = [
      ...tables.flatMap((t) => t.states.map((s) => `${t.id}.status.${s}`)),
      ...ACTOR_ROLES.map((r) => `role.${r}`),
      'polarity.positive',
      'polarity.problem',
    ];
    for (const key of keys) {
      assert.ok(key in fr.labels, `fr lacks ${key}`);
      assert.ok(key in en.labels, `en lacks ${key}`);
    }
  });

  it('are really translated: messages of the same key differ where the languages differ', () => {
    assert.notEqual(errorMessage('walk.full', 'en'), errorMessage('walk.full', 'fr'));
    assert.equal(label('walk.status.open', 'en'), 'Registrations open');
    assert.equal(label('walk.status.open'), 'Inscriptions ouvertes');
  });
});

describe('i18n: choosing a catalogue', () => {
  it('falls back from a region to its language, and from an unknown language to French', () => {
    assert.equal(catalogueFor('en-GB').locale, 'en');
    assert.equal(catalogueFor('EN').locale, 'en');
    assert.equal(catalogueFor('fr-CA').locale, 'fr');
    assert.equal(catalogueFor('de').locale, 'fr');
    assert.equal(catalogueFor(undefined).locale, 'fr');
  });

  it('falls back to French for a key a registered language lacks, and to the key itself at last', () => {
    registerLocale({ locale: 'br', errors: { 'walk.full': 'Leun eo.' }, labels: {} });
    assert.equal(errorMessage('walk.full', 'br'), 'Leun eo.');
    assert.equal(errorMessage('walk.not-found', 'br'), fr.errors['walk.not-found']);
    assert.equal(label('role.elected', 'br'), 'Élu·e');
    assert.equal(errorMessage('no.such-code', 'en'), 'no.such-code');
    assert.equal(label('no.such-label', 'en'), 'no.such-label');
  });
});
