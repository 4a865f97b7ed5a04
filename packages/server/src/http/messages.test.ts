// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { statusOf } from './errors.js';
import { en, fr, negotiateLocale, serverMessage } from './messages.js';

describe('negotiateLocale', () => {
  test('returns French without a header or without a supported language', () => {
    assert.equal(negotiateLocale(undefined), 'fr');
    assert.equal(negotiateLocale(''), 'fr');
    assert.equal(negotiateLocale('de-DE,it;q=0.8'), 'fr');
    assert.equal(negotiateLocale('*'), 'fr');
  });
  test('picks the supported language with the highest weight', () => {
    assert.equal(negotiateLocale('en'), 'en');
    assert.equal(negotiateLocale('en-GB,en;q=0.9'), 'en');
    assert.equal(negotiateLocale('de,en;q=0.5,fr;q=0.9'), 'fr');
    assert.equal(negotiateLocale('fr-BE;q=0.2, EN-us;q=0.7'), 'en');
    assert.equal(negotiateLocale('en;q=0, fr;q=0.1'), 'fr');
  });
  test('ignores malformed weights', () => {
    assert.equal(negotiateLocale('en;q=abc'), 'fr');
    assert.equal(negotiateLocale(';;;,,,'), 'fr');
  });
});

describe('server messages', () => {
  test('English has every French key, and every message is non-empty', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
    for (const code of Object.keys(fr)) {
      for (const locale of ['fr', 'en'] as const)
        assert.ok((serverMessage(code, locale, { maxBytes: 10 }) ?? '').length > 3, `${locale} ${code}`);
    }
  });
  test('every server code has a 4xx status, except the internal error', () => {
    for (const code of Object.keys(fr)) {
      const status = statusOf(code);
      if (code === 'internal.error') assert.equal(status, 500);
      else assert.ok(status >= 400 && status < 500, `${code} → ${status}`);
    }
  });
  test('core codes map to 404, 409, 403 or 422', () => {
    assert.equal(statusOf('walk.not-found'), 404);
    assert.equal(statusOf('registration.not-found'), 404);
    assert.equal(statusOf('walk.full'), 409);
    assert.equal(statusOf('registration.duplicate-email'), 409);
    assert.equal(statusOf('engagement.forbidden-organisation'), 403);
    assert.equal(statusOf('validation.invalid'), 422);
    assert.equal(statusOf('registration.consent-required'), 422);
  });
});
