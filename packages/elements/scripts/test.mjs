// SPDX-License-Identifier: EUPL-1.2
// Runs @web/test-runner under tsx, resolving @gusp/core to its sources (the
// `source` export condition), so the test API uses the real core without a build.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const { status } = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', bin, '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(status ?? 1);
