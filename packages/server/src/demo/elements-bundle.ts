// SPDX-License-Identifier: EUPL-1.2
/**
 * Where the demo page finds `@gusp/elements`' self-contained bundles
 * (`dist/bundle/gusp-elements.js`…, written by `pnpm --filter @gusp/elements
 * bundle`, which the repository's `pnpm start` runs first) and its README.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of the installed `@gusp/elements` (the workspace's in this repository), if any. */
export function elementsPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@gusp/elements/package.json'));
  } catch {
    // Not installed: the sibling package of this repository, if there.
    const sibling = fileURLToPath(new URL('../../../elements/', import.meta.url));
    return existsSync(join(sibling, 'package.json')) ? sibling : undefined;
  }
}

/** `{ dir, readme }` of the elements' bundles and README (paths; they may not exist yet). */
export function defaultElementsPaths(): { dir?: string; readme?: string } {
  const root = elementsPackageDir();
  return root ? { dir: join(root, 'dist', 'bundle'), readme: join(root, 'README.md') } : {};
}
