// SPDX-License-Identifier: EUPL-1.2
// Makes sure /gestion has `@gusp/console`'s bundle (packages/console/dist/bundle/gusp-console.js):
// a fresh clone has no dist/. Builds it when missing or older than the sources of the console, of
// the shared pieces of the elements it composes, or of the core; when a rebuild fails but a bundle
// exists, keeps the old one (ensure-bundle.mjs). Run by the repository's `pnpm start` before the
// server, and by the server's tests (scripts/test.mjs), as ensure-elements-bundle.mjs does for the
// public elements.
import { join } from 'node:path';
import { ensureBundle, packagesDir } from './ensure-bundle.mjs';

ensureBundle({
  dir: join(packagesDir, 'console'),
  bundle: join('dist', 'bundle', 'gusp-console.js'),
  command: ['scripts/bundle.mjs'],
  sources: ['console', 'elements', 'core'].map((pkg) => join(packagesDir, pkg, 'src')),
  building: 'Building the console’s bundle (dist/bundle)…',
  rebuilding: 'Rebuilding the console’s bundle (sources changed)…',
  keptWarning:
    'The console’s bundle could not be rebuilt: /gestion uses the previous one. / Reconstruction impossible : /gestion garde le bundle précédent.',
});
