// SPDX-License-Identifier: EUPL-1.2
// Type-checks test-types/ (a React 19, a Preact and a Vue consumer) against the published typings
// `@gusp/elements/react|preact|vue`. Those are generated from custom-elements.json into dist/, so
// this first rebuilds what is missing or older than src/: the declarations (tsc), the manifest
// (`cem analyze`), then dist/{react,preact,vue}.d.ts. About 5 s when dist/ is fresh, 15 s from a clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const age = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0);

const sources = newest(join(root, 'src'));
// The declarations build against @gusp/core's published types (tsconfig.build.json): build the core once if needed.
if (!existsSync(join(root, '..', 'core', 'dist', 'index.d.ts'))) run('pnpm', ['--filter', '@gusp/core', 'run', 'build']);
if (age('dist/index.d.ts') < sources) run(bin('tsc'), ['-p', 'tsconfig.build.json']);
if (age('custom-elements.json') < sources) run(bin('cem'), ['analyze', '--litelement']);
run(process.execPath, ['scripts/framework-types.mjs']);
run(bin('tsc'), ['-p', 'test-types/tsconfig.json']);
console.log('test-types: React 19, Preact and Vue typings check');
