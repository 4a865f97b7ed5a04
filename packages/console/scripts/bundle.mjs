// SPDX-License-Identifier: EUPL-1.2
// The console as one self-contained file (lit and what it uses of the core inside) for a plain
// HTML page: `<script type="module" src="…/gusp-console.js"></script>` and `<gusp-console>`.
// `node scripts/bundle.mjs` writes dist/bundle/gusp-console.js and prints its min+gz size;
// `buildBundle()` gives the same build in memory. Never part of @gusp/elements' public bundles:
// the back office is served on its own (the server's /gestion).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = 'dist/bundle/gusp-console.js';

/** @returns {Promise<string>} The bundle's text. */
export async function buildBundle() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/define/all.ts'],
    bundle: true,
    format: 'esm',
    // Standard decorators and class fields as Chromium, Firefox and Safari run them (TOOLCHAIN.md).
    target: 'es2022',
    minify: true,
    // The workspace's @gusp/core from its TypeScript sources, no build needed.
    conditions: ['@gusp/source'],
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0].text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = await buildBundle();
  await mkdir(new URL('../dist/bundle/', import.meta.url), { recursive: true });
  await writeFile(new URL(`../${BUNDLE}`, import.meta.url), text);
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`${BUNDLE}: ${(text.length / 1024).toFixed(1)} kB min, ${(gz / 1024).toFixed(1)} kB gz`);
}
