// SPDX-License-Identifier: EUPL-1.2
// Makes sure /gestion has `@gusp/console`'s bundle (packages/console/dist/bundle/gusp-console.js):
// a fresh clone has no dist/. Builds it when missing or older than the sources of the console or
// of the core; when a rebuild fails but a bundle exists, keeps the old one. Run by the
// repository's `pnpm start` before the server, and by the server's tests (scripts/test.mjs),
// as ensure-elements-bundle.mjs does for the public elements.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../', import.meta.url));
const consoleDir = join(packages, 'console');
const bundle = join(consoleDir, 'dist', 'bundle', 'gusp-console.js');

const newest = (dir) => {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

if (!existsSync(join(consoleDir, 'package.json'))) process.exit(0);
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
const sources = Math.max(newest(join(consoleDir, 'src')), newest(join(packages, 'core', 'src')));
if (built > 0 && built >= sources) process.exit(0);
console.log(built ? 'Rebuilding the console’s bundle (sources changed)…' : 'Building the console’s bundle (dist/bundle)…');
const { status } = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: consoleDir, stdio: 'inherit' });
if (status !== 0) {
  if (built)
    console.warn(
      'The console’s bundle could not be rebuilt: /gestion uses the previous one. / Reconstruction impossible : /gestion garde le bundle précédent.',
    );
  else process.exit(status ?? 1);
}
