// SPDX-License-Identifier: EUPL-1.2
// Self-contained bundles (lit and the core inside) for a plain HTML page:
// `<script type="module" src=".../gusp-elements.js"></script>` is all a webmaster needs.
// `node scripts/bundle.mjs` writes them to dist/bundle/ and prints their min+gz sizes;
// the browser tests serve the same build through `buildBundles()`.
//
// Code splitting: each entry (`gusp-elements.js`, `gusp-walk-signup.js`…) keeps
// its stable name and holds what its elements need to run; what they load only
// on demand (English, the .ics maker) is in `chunks/<name>-<hash>.js` files,
// fetched by `import()` when needed. The entries import their chunks by
// relative URL, so the whole directory is served as is.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { exportNames, unbarrel } from './core-imports.mjs';
import { minifyTemplates } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `@gusp/source`: the workspace's packages resolve to their TypeScript sources. */
const CONDITIONS = ['@gusp/source'];
const OUTDIR = 'dist/bundle';

/** Bundle name → its define module. */
export const bundles = {
  'gusp-elements': 'src/define/all.ts',
  'gusp-walk-signup': 'src/define/walk-signup.ts',
  'gusp-walk-list': 'src/define/walk-list.ts',
  'gusp-issue-form': 'src/define/issue-form.ts',
  'gusp-engagement-tracker': 'src/define/engagement-tracker.ts',
  'gusp-project': 'src/define/project.ts',
};

/**
 * This package's TypeScript sources as the bundles take them: html/css
 * templates minified (minify-templates.mjs), `@gusp/core` imports pointed at
 * the core modules that define them (core-imports.mjs).
 */
const sourcesPlugin = {
  name: 'gusp-sources',
  setup(build) {
    build.onLoad({ filter: /[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: unbarrel(minifyTemplates(await readFile(args.path, 'utf8'), args.path), args.path),
      loader: 'ts',
    }));
  },
};

/**
 * On-demand modules that import the core, by source → chunk name: each is
 * built alone into one self-contained file (its own copy of the core code it
 * needs) that the entries `import()` as an external URL. Split the usual way,
 * the code it shares with an entry would go to a chunk that the entry imports
 * statically, one more request in a row before any element runs.
 */
const SELF_CONTAINED = {
  'src/walk-signup/walk-calendar.ts': 'walk-calendar',
  'src/project/workshop-calendar.ts': 'workshop-calendar',
  'src/translations/en/core-walk-signup.ts': 'core-walk-signup',
  'src/translations/en/core-issue-form.ts': 'core-issue-form',
  'src/translations/en/core-engagement-tracker.ts': 'core-engagement-tracker',
};

const CORE_SRC = fileURLToPath(new URL('../../core/src/', import.meta.url));

/**
 * The core's English in the bundles: the core's own modules import its whole
 * English catalogue (locales/en.ts) to answer in English at once on a server;
 * in these bundles they get the same exports with no text, and each element's
 * English chunk (src/translations/en/core-*.ts, which imports the real file)
 * adds the domains it shows to the core's catalogue (`addMessages`) when a
 * page asks for English. A French page downloads no English at all.
 */
const englishOnDemand = {
  name: 'gusp-core-english-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(locales\/)?en\.js$/ }, (args) => {
      if (!args.importer.startsWith(CORE_SRC)) return undefined;
      const path = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return path === resolve(CORE_SRC, 'locales/en.ts') ? { path, namespace: 'gusp-core-en-stub' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'gusp-core-en-stub' }, (args) => ({
      contents: [...exportNames(args.path)]
        .map((name) => `export const ${name} = { ${name === 'en' ? "locale: 'en', " : ''}errors: {}, labels: {} };`)
        .join('\n'),
      loader: 'js',
    }));
  },
};

const COMMON = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  // The workspace's @gusp/core from its TypeScript sources, no build needed.
  conditions: CONDITIONS,
  legalComments: 'none',
  plugins: [sourcesPlugin],
  write: false,
};

/**
 * @typedef {object} Bundles
 * @property {Map<string, string>} files Every file, by its path under dist/bundle/ (`gusp-elements.js`, `chunks/chunk-AB12CD34.js`).
 * @property {Record<string, { imports: { path: string, kind: string }[] }>} outputs esbuild's metafile outputs, by the same paths.
 * @property {Record<string, object>} metafiles Each entry's esbuild metafile (`--analyze` prints what is in it).
 */

/**
 * Builds every bundle (entries and chunks), in memory: one esbuild build per
 * entry, each split only where its code `import()`s (English, the .ics maker).
 * Not one build of all entries: esbuild gives each file to the chunk of the
 * entries that reach it, and `@gusp/core`'s index re-exports every module, so
 * every entry would "reach" the whole core and the tracker would download the
 * forms' validation (zod) it never runs (33.8 kB gz instead of 17).
 * A chunk two builds both make (the same English texts) has the same content,
 * hence the same hashed name, and is written once.
 * @param {string[]} names The bundles to build (all by default).
 * @returns {Promise<Bundles>}
 */
export async function buildBundles(names = Object.keys(bundles)) {
  const prefix = `${OUTDIR}/`;
  const rel = (path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const files = new Map();
  const outputs = {};
  // The on-demand modules that import the core, each built alone into one file first (see `selfContained`).
  const alone = {};
  for (const [module, name] of Object.entries(SELF_CONTAINED)) {
    const result = await esbuild.build({ ...COMMON, entryPoints: [module], outdir: OUTDIR });
    const text = result.outputFiles[0].text;
    const path = `chunks/${name}-${createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase()}.js`;
    files.set(path, text);
    outputs[path] = { imports: [] };
    alone[resolve(root, module)] = path;
  }
  const selfContained = {
    name: 'gusp-self-contained-chunks',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const path = alone[resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'))];
        return path ? { path: `./${path}`, external: true } : undefined;
      });
    },
  };
  const results = await Promise.all(
    names.map((name) =>
      esbuild.build({
        ...COMMON,
        plugins: [selfContained, englishOnDemand, ...COMMON.plugins],
        entryPoints: { [name]: bundles[name] },
        splitting: true,
        outdir: OUTDIR,
        entryNames: '[name]',
        chunkNames: 'chunks/[name]-[hash]',
        metafile: true,
      }),
    ),
  );
  const metafiles = {};
  for (const [i, result] of results.entries()) {
    metafiles[names[i]] = result.metafile;
    for (const file of result.outputFiles) files.set(rel(file.path.slice(root.length)), file.text);
    for (const [path, output] of Object.entries(result.metafile.outputs))
      outputs[rel(path)] = { imports: output.imports.map((i) => ({ path: rel(i.path.replace(/^\.\//, '')), kind: i.kind })) };
  }
  return { files, outputs, metafiles };
}

/**
 * The files a page loading bundle `name` downloads: `initial`, the entry and
 * every chunk it imports statically (all of them before the elements run), and
 * `onDemand`, the chunks its `import()`s may fetch later (English, the .ics
 * maker) with what those import in turn, the initial ones left out.
 * @param {Bundles} built
 * @param {string} name
 */
export function filesOf(built, name) {
  const closure = (starts, kinds) => {
    const seen = new Set();
    const todo = [...starts];
    while (todo.length > 0) {
      const path = todo.pop();
      if (seen.has(path)) continue;
      seen.add(path);
      for (const i of built.outputs[path]?.imports ?? []) if (kinds.includes(i.kind)) todo.push(i.path);
    }
    return seen;
  };
  const initial = closure([`${name}.js`], ['import-statement']);
  const dynamic = [...initial].flatMap((path) => built.outputs[path].imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
  const all = closure(dynamic, ['import-statement', 'dynamic-import']);
  return { initial: [...initial], onDemand: [...all].filter((path) => !initial.has(path)) };
}

/** The minified ES module of one bundle's entry file, as text (its chunks are in `buildBundles()`). */
export async function bundle(name) {
  if (!bundles[name]) throw new Error(`Unknown bundle ${name}`);
  return (await buildBundles([name])).files.get(`${name}.js`);
}

/**
 * The same build of a module given as text (resolved from this package), for
 * the bench's floor probes: what lit and the core's validation weigh alone.
 * One file: no splitting.
 */
export async function bundleSource(contents) {
  const result = await esbuild.build({ ...COMMON, stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'probe.ts' } });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildBundles();
  const out = new URL('../dist/bundle/', import.meta.url);
  // Chunks of an older build would pile up: the directory only holds this build's.
  await rm(new URL('chunks/', out), { recursive: true, force: true });
  await mkdir(new URL('chunks/', out), { recursive: true });
  for (const [path, text] of built.files) await writeFile(new URL(path, out), text);
  const kB = (n) => (n / 1000).toFixed(1).padStart(6);
  const gz = (path) => gzipSync(built.files.get(path), { level: 9 }).length;
  const sum = (paths, size) => paths.reduce((total, path) => total + size(path), 0);
  for (const name of Object.keys(bundles)) {
    // `--analyze`: what each entry holds, module by module, biggest first (esbuild's analyzeMetafile).
    if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(built.metafiles[name]));
    const { initial, onDemand } = filesOf(built, name);
    console.log(
      `${name.padEnd(24)} ${String(initial.length).padStart(2)} files  min ${kB(sum(initial, (p) => Buffer.byteLength(built.files.get(p))))} kB   min+gz ${kB(sum(initial, gz))} kB   on demand (gz) ${kB(sum(onDemand, gz))} kB`,
    );
  }
}
