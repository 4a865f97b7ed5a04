// SPDX-License-Identifier: EUPL-1.2
// Makes sure the demo page has `@gusp/elements`' self-contained bundle
// (packages/elements/dist/bundle/gusp-elements.js): a fresh clone has no
// dist/. Builds it when missing or older than the sources of the elements or
// of the core; when a rebuild fails but a bundle exists, keeps the old one.
// Then precompresses it (the elements' scripts/precompress.mjs: .br and .gz of
// every file, hashed copies of the entries, manifest.json) when that step has
// not run on this build yet. Run by the repository's `pnpm start` before the
// server, and by the server's tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
/** The precompress step on dist/bundle/ when this build has not had it (a bundle written by bundle.mjs alone). */
async function precompress() {
  const script = join(elements, 'scripts', 'precompress.mjs');
  if (!existsSync(script) || !existsSync(bundle)) return;
  const { isPrecompressed } = await import(pathToFileURL(script).href);
  if (await isPrecompressed(dirname(bundle))) return;
  const { status } = spawnSync(process.execPath, ['scripts/precompress.mjs'], { cwd: elements, stdio: 'inherit' });
  if (status !== 0)
    console.warn(
      'The bundle could not be precompressed: it is served uncompressed. / Compression du bundle impossible : il est servi non compressé.',
    );
}

if (built > 0 && built >= sources) {
  await precompress();
  process.exit(0);
}
console.log(built ? 'Rebuilding the elements’ bundle (sources changed)…' : 'Building the elements’ bundle (dist/bundle)…');
const { status } = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: elements, stdio: 'inherit' });
if (status !== 0) {
  if (built)
    console.warn(
      'The bundle could not be rebuilt: the demo page uses the previous one. / Reconstruction impossible : la page de démonstration garde le bundle précédent.',
    );
  else process.exit(status ?? 1);
}
await precompress();
