// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compareKeys, decodeCursor, encodeCursor, keysetSql, pageInMemory, type CursorKey, type Keyset } from './page.js';
import { sqlParams } from '../sql.js';

const byStart: Keyset = {
  columns: [
    { sql: 'w.starts_at', type: 'bigint' },
    { sql: 'w.id', type: 'text' },
  ],
};

describe('page cursors', () => {
  test('a cursor gives back the key it was made of', () => {
    fc.assert(
      fc.property(fc.tuple(fc.maxSafeInteger(), fc.string()), (key) => {
        assert.deepEqual(decodeCursor(encodeCursor(key), byStart), key);
      }),
    );
  });

  test('refuses what this keyset never wrote: another shape, other types, not base64url, too long', () => {
    for (const cursor of [
      '',
      'not a cursor!',
      encodeCursor(['x', 'y']),
      encodeCursor([1]),
      encodeCursor([1.5, 'a']),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1,').toString('base64url'),
      'A'.repeat(3000),
    ])
      assert.equal(decodeCursor(cursor, byStart), undefined, cursor);
  });

  test('the SQL page binds the cursor and asks one row more than the page', () => {
    const params = sqlParams(['q']);
    const page = keysetSql(byStart, { limit: 10, after: [5, 'abc'] }, params);
    assert.equal(page.where, '(w.starts_at, w.id COLLATE "C") > ($2::bigint, $3::text)');
    assert.equal(page.orderBy, 'w.starts_at ASC, w.id COLLATE "C" ASC');
    assert.equal(page.limit, 'LIMIT 11');
    assert.deepEqual(params.values, ['q', 5, 'abc']);
    assert.equal(keysetSql({ ...byStart, descending: true }, { limit: 1 }, sqlParams()).where, undefined);
  });

  test('pages in memory, concatenated, are the whole list, each item once', () => {
    const key = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { selector: (k) => k[1] }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (keys, limit, descending) => {
          const sorted = [...keys].sort((a, b) => (descending ? -1 : 1) * compareKeys(a, b));
          const seen: CursorKey[] = [];
          let after: CursorKey | undefined;
          for (let guard = 0; guard <= sorted.length; guard++) {
            const page = pageInMemory(sorted, { limit, after }, (k) => k, descending);
            seen.push(...page.items);
            if (page.next === undefined) break;
            after = decodeCursor(page.next, byStart);
          }
          assert.deepEqual(seen, sorted);
        },
      ),
    );
  });
});
