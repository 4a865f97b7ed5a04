// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newKey, seal, unseal } from './personal-keys.js';

test('keys and IVs drawn from the random pool are never handed out twice, across many refills', () => {
  // 3,000 keys and IVs (44 bytes a seal): about 32 refills of the 4 kB pool.
  const keys = new Set<string>();
  const ivs = new Set<string>();
  for (let i = 0; i < 3_000; i++) {
    const key = newKey();
    assert.equal(key.length, 32);
    keys.add(key.toString('hex'));
    const sealed = Buffer.from(seal(key, 'ParticipantRegistered|registration:x', { name: 'A' }), 'base64');
    ivs.add(sealed.subarray(0, 12).toString('hex'));
  }
  assert.equal(keys.size, 3_000);
  assert.equal(ivs.size, 3_000);
  // Nothing all zeros (a zeroed pool slice handed out would be).
  assert.ok(![...keys].some((k) => /^0+$/.test(k)));
});

test('a key is a copy: what the pool holds next does not change it, and it opens what it sealed', () => {
  const key = newKey();
  const before = Buffer.from(key);
  const sealed = seal(key, 'ctx', { email: 'a@example.org' });
  for (let i = 0; i < 200; i++) newKey();
  assert.deepEqual(key, before);
  assert.deepEqual(unseal(key, 'ctx', sealed), { email: 'a@example.org' });
  assert.throws(() => unseal(newKey(), 'ctx', sealed));
});
