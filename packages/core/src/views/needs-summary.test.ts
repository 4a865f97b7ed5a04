// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registrationFixture } from '../fixtures.test-helpers.js';
import { registerLocale } from '../i18n.js';
import { fr } from '../locales/fr.js';
import type { AccessibilityNeed, Registration } from '../registration/registration.js';
import { needsSummary, needsText } from './needs-summary.js';

const NBSP = '\u00a0';
const with_ = (needs: AccessibilityNeed[], over: Partial<Registration> = {}) => registrationFixture({ needs, ...over });

describe('needsSummary()', () => {
  const registrations = [
    with_(['wheelchair']),
    with_(['wheelchair', 'interpreter'], { status: 'waitlisted' }),
    with_(['interpreter'], { status: 'cancelled' }),
    with_(['hearing'], { status: 'removed' }),
    with_(['sign-language'], { status: 'absent' }),
    with_([], { needsNote: 'Je viens avec mon chien guide' }),
    with_(['visual', 'visual'], { status: 'attended', needsNote: '  ' }),
  ];

  it('counts confirmed, waitlisted and checked-in people, once per person and need, in the order of the needs', () => {
    const summary = needsSummary(registrations);
    assert.deepEqual(summary.counts, [
      { need: 'wheelchair', count: 2 },
      { need: 'visual', count: 1 },
      { need: 'interpreter', count: 1 },
    ]);
    assert.deepEqual([summary.people, summary.withNeeds, summary.notes], [4, 3, 1]);
  });

  it('says it in French with the plural right, numbers and nouns held together', () => {
    assert.equal(needsSummary(registrations).text, `2${NBSP}fauteuils roulants, 1${NBSP}déficience visuelle, 1${NBSP}interprète`);
  });

  it('says it in English, and in English for a regional tag', () => {
    assert.equal(needsSummary(registrations, { locale: 'en' }).text, `2${NBSP}wheelchairs, 1${NBSP}visual impairment, 1${NBSP}interpreter`);
    assert.equal(needsSummary(registrations, { locale: 'en-GB' }).text, needsSummary(registrations, { locale: 'en' }).text);
  });

  it('counts only those present on the day with among: attended (walk-ins included)', () => {
    const walkIn = with_(['mobility'], { status: 'attended', channel: 'walk-in' });
    const summary = needsSummary([...registrations, walkIn], { among: 'attended' });
    assert.deepEqual(summary.counts, [
      { need: 'mobility', count: 1 },
      { need: 'visual', count: 1 },
    ]);
    assert.equal(summary.people, 2);
    assert.equal(summary.text, `1${NBSP}personne à mobilité réduite, 1${NBSP}déficience visuelle`);
  });

  it('says when nobody asked for anything, in both languages; a purged registration asks nothing', () => {
    const anonymised = with_([], { anonymised: true, name: '' });
    assert.deepEqual(needsSummary([anonymised]).counts, []);
    assert.equal(needsSummary([anonymised]).text, 'Aucun besoin signalé');
    assert.equal(needsSummary([], { locale: 'en' }).text, 'No needs reported');
  });

  it('writes every need in both plural forms of both languages, and large numbers the language’s way', () => {
    const needs: AccessibilityNeed[] = [
      'mobility',
      'wheelchair',
      'visual',
      'hearing',
      'interpreter',
      'sign-language',
      'childcare',
      'other',
    ];
    for (const locale of ['fr', 'en']) {
      for (const need of needs) {
        for (const count of [1, 2]) {
          const text = needsText([{ need, count }], locale);
          assert.doesNotMatch(text, /need\./, `${locale} ${need} ${count}: ${text}`);
        }
      }
    }
    assert.equal(needsText([{ need: 'other', count: 2 }], 'en'), `2${NBSP}other needs`);
    assert.equal(needsText([{ need: 'childcare', count: 1 }], 'fr'), `1${NBSP}garde d’enfants`);
    // French counts 0 and 1 as singular; 1,000,000 is `many` in French, written with the `other` form.
    assert.equal(needsText([{ need: 'interpreter', count: 1_000_000 }], 'fr'), `1\u202f000\u202f000${NBSP}interprètes`);
    assert.equal(needsText([{ need: 'interpreter', count: 1000 }], 'en'), `1,000${NBSP}interpreters`);
  });

  it('uses a language added with registerLocale, falling back to French for what it does not say', () => {
    registerLocale({
      locale: 'xx-needs',
      errors: {},
      labels: { ...fr.labels, 'need.wheelchair.one': 'rolstoel', 'need.wheelchair.other': 'rolstoelen' },
    });
    assert.equal(needsText([{ need: 'wheelchair', count: 3 }], 'xx-needs'), `3${NBSP}rolstoelen`);
    assert.equal(needsText([{ need: 'wheelchair', count: 1 }], 'not a tag!'), `1${NBSP}fauteuil roulant`);
  });
});
