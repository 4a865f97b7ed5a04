// SPDX-License-Identifier: EUPL-1.2
// The one "make sure a package's bundle is built" of the server's scripts: a fresh clone has no
// dist/, so ensure-elements-bundle.mjs (the demo page's `@gusp/elements`) and
// ensure-console-bundle.mjs (/gestion's `@gusp/console`) both call ensureBundle() with their
// package, build command and sources, instead of each keeping its own copy of this logic.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The packages/ directory of the repository. */
export const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/** The newest modification time (ms) of any file under `dir`, 0 when it does not exist. */
export function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds `bundle` (a file under `dir`) with `command` (a script of the package, run by node in
 * `dir`) when it is missing or older than any file under `sources`. When a rebuild fails but a
 * bundle exists, keeps the old one with `keptWarning`; when there is none, exits with the build's
 * status. Does nothing when the package is not in the checkout.
 *
 * @param {object} options
 * @param {string} options.dir The package's directory.
 * @param {string} options.bundle The built file to check, relative to `dir`.
 * @param {string[]} options.command The node arguments that build it, run in `dir`.
 * @param {string[]} options.sources The directories whose files the bundle is built from.
 * @param {string} options.building What is said before a first build.
 * @param {string} options.rebuilding What is said before a rebuild.
 * @param {string} options.keptWarning What is said when a rebuild failed and the old bundle stays.
 * @returns {{ built: boolean }} Whether the bundle was (re)built now.
 */
export function ensureBundle({ dir, bundle, command, sources, building, rebuilding, keptWarning }) {
  if (!existsSync(join(dir, 'package.json'))) process.exit(0);
  const file = join(dir, bundle);
  const built = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (built > 0 && built >= Math.max(...sources.map(newest))) return { built: false };
  console.log(built ? rebuilding : building);
  const { status } = spawnSync(process.execPath, command, { cwd: dir, stdio: 'inherit' });
  if (status !== 0) {
    if (built) console.warn(keptWarning);
    else process.exit(status ?? 1);
  }
  return { built: status === 0 };
}
