// SPDX-License-Identifier: EUPL-1.2
// Runs @web/test-runner under tsx (its test API middleware is TypeScript), resolving the workspace's
// packages to their sources (the `@gusp/source` export condition), so nothing needs building first.
// `node scripts/test.mjs --files 'src/sign-in/**/*.test.ts'` runs some files only.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const { status } = spawnSync(
  process.execPath,
  ['--conditions=@gusp/source', '--import', 'tsx', bin, '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(status ?? 1);
