// SPDX-License-Identifier: EUPL-1.2
// Makes sure the demo page has `@gusp/elements`' self-contained bundle
// (packages/elements/dist/bundle/gusp-elements.js): a fresh clone has no
// dist/. Builds it when missing or older than the sources of the elements or
// of the core; when a rebuild fails but a bundle exists, keeps the old one.
// Run by the repository's `pnpm start` before the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../', import.meta.url));
const elements = join(packages, 'elements');
const bundle = join(elements, 'dist', 'bundle', 'gusp-elements.js');

const newest = (dir) => {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

if (!existsSync(join(elements, 'package.json'))) process.exit(0);
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
const sources = Math.max(newest(join(elements, 'src')), newest(join(packages, 'core', 'src')));
if (built > 0 && built >= sources) process.exit(0);
console.log(built ? 'Rebuilding the elements’ bundle (sources changed)…' : 'Building the elements’ bundle (dist/bundle)…');
const { status } = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: elements, stdio: 'inherit' });
if (status !== 0) {
  if (built)
    console.warn(
      'The bundle could not be rebuilt: the demo page uses the previous one. / Reconstruction impossible : la page de démonstration garde le bundle précédent.',
    );
  else process.exit(status ?? 1);
}
