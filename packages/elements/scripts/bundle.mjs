// SPDX-License-Identifier: EUPL-1.2
// Self-contained bundles (lit and the core inside) for a plain HTML page:
// `<script type="module" src=".../gusp-elements.js"></script>` is all a webmaster needs.
// `node scripts/bundle.mjs` writes them to dist/bundle/ and prints their min+gz sizes;
// the browser tests serve the same bundle through `bundle()`.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `@gusp/source`: the workspace's packages resolve to their TypeScript sources. */
const CONDITIONS = ['@gusp/source'];

/** Bundle name → its define module. */
export const bundles = {
  'gusp-elements': 'src/define/all.ts',
  'gusp-walk-signup': 'src/define/walk-signup.ts',
  'gusp-walk-list': 'src/define/walk-list.ts',
  'gusp-issue-form': 'src/define/issue-form.ts',
  'gusp-engagement-tracker': 'src/define/engagement-tracker.ts',
};

/** The minified ES module of one bundle, as text. */
export async function bundle(name) {
  const entry = bundles[name];
  if (!entry) throw new Error(`Unknown bundle ${name}`);
  return build({ entryPoints: [entry] });
}

/**
 * The same build of a module given as text (resolved from this package), for
 * the bench's floor probes: what lit and the core's validation weigh alone.
 */
export const bundleSource = (contents) => build({ stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'probe.ts' } });

async function build(input) {
  const result = await esbuild.build({
    absWorkingDir: root,
    ...input,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    // The workspace's @gusp/core from its TypeScript sources, no build needed.
    conditions: CONDITIONS,
    legalComments: 'none',
    plugins: [minifyTemplatesPlugin],
    write: false,
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(new URL('../dist/bundle/', import.meta.url), { recursive: true });
  for (const name of Object.keys(bundles)) {
    const code = await bundle(name);
    await writeFile(new URL(`../dist/bundle/${name}.js`, import.meta.url), code);
    const kB = (n) => (n / 1000).toFixed(1).padStart(6);
    console.log(`${name.padEnd(24)} min ${kB(Buffer.byteLength(code))} kB   min+gz ${kB(gzipSync(code, { level: 9 }).length)} kB`);
  }
}
