// SPDX-License-Identifier: EUPL-1.2
// The README's example runs as written: this test extracts it, runs it against the package
// (resolved by its own name, through the `@gusp/source` export condition) and compares what it
// prints with the `// expected` comments of the example.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(packageDir, '..', '..', 'README.md'), 'utf8');

describe('README example', () => {
  it('runs as written and prints what its comments say', () => {
    const block = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README has a ```ts block under "## Example"');
    const expected = [...block.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    assert.ok(expected.length >= 2);
    const dir = mkdtempSync(join(packageDir, '.readme-'));
    try {
      const file = join(dir, 'example.mts');
      writeFileSync(file, block);
      const out = execFileSync(process.execPath, ['--conditions=@gusp/source', '--import', 'tsx', file], {
        cwd: packageDir,
        encoding: 'utf8',
      });
      assert.deepEqual(out.trim().split('\n'), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
