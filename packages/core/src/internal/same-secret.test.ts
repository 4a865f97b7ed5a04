// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameSecret } from './same-secret.js';

describe('sameSecret', () => {
  it('is true only for the same non-empty string', () => {
    assert.equal(sameSecret('abc', 'abc'), true);
    assert.equal(sameSecret('abd', 'abc'), false);
    assert.equal(sameSecret('ab', 'abc'), false);
    assert.equal(sameSecret('abcd', 'abc'), false);
    assert.equal(sameSecret('', ''), false);
  });
});
