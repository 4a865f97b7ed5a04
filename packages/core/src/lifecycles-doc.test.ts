// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lifecyclesMarkdown } from '../scripts/lifecycles.md.js';

describe('docs/lifecycles.md', () => {
  it('is the diagram generated from the current rules tables (run `pnpm --filter @gusp/core docs:lifecycles`)', () => {
    const onDisk = readFileSync(new URL('../../../docs/lifecycles.md', import.meta.url), 'utf8');
    assert.equal(onDisk, lifecyclesMarkdown());
  });
});
