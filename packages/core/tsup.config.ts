// SPDX-License-Identifier: EUPL-1.2
/**
 * Builds `@gusp/core` for publication from `src/index.ts`:
 *
 * - `dist/index.js` (ESM), one file per source module beside it (`dist/walk/walk.js`, …):
 *   with `"sideEffects": false`, an app's bundler then drops the modules it does
 *   not use. A single bundled file keeps every schema whose definition chains
 *   `.check()`/`.brand()` (calls a bundler cannot prove pure): +4 kB gz for an
 *   app that imports two schemas (see bench/core).
 * - `dist/index.cjs` (CommonJS), one bundled file.
 * - `dist/index.d.ts` / `dist/index.d.cts`, each one bundled declaration file.
 *
 * Dependencies stay external, except nanoid in the CommonJS build (see below).
 * `platform: 'neutral'`: the core runs in browsers and Node alike and imports
 * no Node built-in (test-dist/dist.test.mjs checks it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const require = createRequire(import.meta.url);

/** The source modules reachable from `src/index.ts` through relative imports (test files never are). */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(posix.join(posix.dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return [...seen].sort();
}

/**
 * nanoid 5 is ESM only, and `require()` of an ES module works only from Node
 * 20.19 on (engines say >= 20). So the CommonJS build bundles nanoid's browser
 * build (118 bytes, Web Crypto's `crypto.getRandomValues`, a global in every
 * Node >= 19), which also keeps `node:crypto` out of the CommonJS output. The
 * ESM build leaves `nanoid` external: bundlers pick its browser build, Node its
 * pooled one.
 */
const nanoidForCjs: Plugin = {
  name: 'gusp-nanoid-cjs',
  setup(build) {
    const cjs = build.initialOptions.format === 'cjs';
    const browserBuild = join(dirname(require.resolve('nanoid/package.json')), 'index.browser.js');
    build.onResolve({ filter: /^nanoid$/ }, () => (cjs ? { path: browserBuild } : { path: 'nanoid', external: true }));
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  outDir: 'dist',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  minify: false,
  splitting: false,
  treeshake: false,
  // Handed to the plugin above, which decides per format (tsup would otherwise mark it external).
  noExternal: ['nanoid'],
  esbuildPlugins: [nanoidForCjs],
  esbuildOptions(options, { format }) {
    if (format === 'esm') {
      // Transpile each module as is (imports already end in `.js`), so module boundaries survive.
      options.bundle = false;
      options.entryPoints = moduleGraph('src/index.ts');
      options.outbase = 'src';
    }
  },
});
