// SPDX-License-Identifier: EUPL-1.2
// Runs every `*.test.ts` beside the sources with Node's own test runner (TypeScript through tsx).
// `node scripts/test.mjs rules dates` runs the files whose path contains one of the words;
// `--watch` reruns them on every change (`pnpm test:watch`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
// Words choose files; options (`--watch`, `--test-name-pattern=…`) go to node's test runner.
const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith('--'));
const only = args.filter((a) => !a.startsWith('--'));
const files = walk(join(root, 'src'))
  .map((f) => relative(root, f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error('No test file found.');
  process.exit(1);
}
const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...options, '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(status ?? 1);
