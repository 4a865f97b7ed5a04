// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalJson, inputDigest, sha256Hex } from './input-digest.js';

describe('input digest', () => {
  it('is SHA-256 as node:crypto computes it, across block boundaries and non-ASCII text', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'é€😀'.repeat(100)]) {
      assert.equal(sha256Hex(text), createHash('sha256').update(text).digest('hex'), `length ${text.length}`);
    }
  });

  it('does not depend on the order of fields, and tells different inputs apart', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    assert.equal(
      inputDigest('walks.register', [{ name: 'A', email: 'a@x' }]),
      inputDigest('walks.register', [{ email: 'a@x', name: 'A' }]),
    );
    assert.notEqual(inputDigest('walks.register', [{ name: 'A' }]), inputDigest('walks.register', [{ name: 'B' }]));
    assert.notEqual(inputDigest('walks.register', ['w1']), inputDigest('walks.cancel', ['w1']));
  });
});
