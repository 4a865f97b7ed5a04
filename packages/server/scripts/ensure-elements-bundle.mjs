// SPDX-License-Identifier: EUPL-1.2
// Makes sure the demo page has `@gusp/elements`' self-contained bundle
// (packages/elements/dist/bundle/gusp-elements.js): a fresh clone has no
// dist/. Builds it when missing or older than the sources of the elements or
// of the core; when a rebuild fails but a bundle exists, keeps the old one
// (ensure-bundle.mjs). Then precompresses it (the elements' scripts/precompress.mjs:
// .br and .gz of every file, hashed copies of the entries, manifest.json) when that
// step has not run on this build yet. Run by the repository's `pnpm start` before the
// server, and by the server's tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBundle, packagesDir } from './ensure-bundle.mjs';

const elements = join(packagesDir, 'elements');
const bundle = join(elements, 'dist', 'bundle', 'gusp-elements.js');

ensureBundle({
  dir: elements,
  bundle: join('dist', 'bundle', 'gusp-elements.js'),
  command: ['scripts/bundle.mjs'],
  sources: ['elements', 'core'].map((pkg) => join(packagesDir, pkg, 'src')),
  building: 'Building the elements’ bundle (dist/bundle)…',
  rebuilding: 'Rebuilding the elements’ bundle (sources changed)…',
  keptWarning:
    'The bundle could not be rebuilt: the demo page uses the previous one. / Reconstruction impossible : la page de démonstration garde le bundle précédent.',
});

// The precompress step on dist/bundle/ when this build has not had it (a bundle written by bundle.mjs alone).
const script = join(elements, 'scripts', 'precompress.mjs');
if (existsSync(script) && existsSync(bundle)) {
  const { isPrecompressed } = await import(pathToFileURL(script).href);
  if (!(await isPrecompressed(dirname(bundle)))) {
    const { status } = spawnSync(process.execPath, ['scripts/precompress.mjs'], { cwd: elements, stdio: 'inherit' });
    if (status !== 0)
      console.warn(
        'The bundle could not be precompressed: it is served uncompressed. / Compression du bundle impossible : il est servi non compressé.',
      );
  }
}
