// SPDX-License-Identifier: EUPL-1.2
/**
 * What a browser pays to ask the rules tables: a tiny app doing
 * `import { can, walkRules } from '@gusp/core'`, bundled by esbuild (browser,
 * ESM, es2022, minified) and gzip -9, and which catalogue texts ended up in it.
 * Shared by the core's test (src/rules-bundle.test.ts) and `pnpm bench`
 * (bench/core/run.mjs), so both hold the same figure against the same budget.
 *
 * The app resolves `@gusp/core` by its name through node_modules, as an app
 * would, so the package's `exports` and `"sideEffects": false` take part.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const coreDir = fileURLToPath(new URL('..', import.meta.url));

/** Issue 9: `import { can, walkRules }` must stay within 4 kB gz. */
export const RULES_BUNDLE_BUDGET_GZ = 4096;

/** The app of the budget: a button that asks the walk table whether it may publish. */
/** Every table and every question a form asks of them: what the elements import. */
export const ALL_RULES_APP = `import { can, eventsFrom, guardRefusal, refusalsOf, transition, engagementRules, observationRules, registrationRules, reportRules, walkRules } from '@gusp/core';
globalThis.gusp = { can, eventsFrom, guardRefusal, refusalsOf, transition, engagementRules, observationRules, registrationRules, reportRules, walkRules };
`;

export const RULES_APP = `import { can, walkRules } from '@gusp/core';
const button = document.querySelector('button[data-event]');
const status = button?.dataset.status ?? 'draft';
if (button) button.hidden = !can(walkRules, status, button.dataset.event);
`;

/** A temporary app directory whose node_modules holds this package under its own name. */
function appDir() {
  const dir = mkdtempSync(join(tmpdir(), 'gusp-rules-bundle-'));
  mkdirSync(join(dir, 'node_modules', '@gusp'), { recursive: true });
  symlinkSync(coreDir, join(dir, 'node_modules', '@gusp', 'core'), 'dir');
  return dir;
}

/**
 * Every text of the built-in catalogues (fr, en) that reads as a sentence
 * rather than a word that could also be code (`open`, `Organisation`, a guard
 * is `knownOrganisation`): at least `minLength` characters with a space in them.
 * Static texts whole, and the literal runs of the messages made from details.
 */
export async function catalogueTexts({ conditions = ['@gusp/source'], minLength = 10 } = {}) {
  const { build } = await import('esbuild');
  const dir = appDir();
  try {
    const out = join(dir, 'catalogues.mjs');
    writeFileSync(join(dir, 'catalogues.js'), `export { fr, en } from '@gusp/core';\n`);
    await build({
      entryPoints: [join(dir, 'catalogues.js')],
      absWorkingDir: dir,
      bundle: true,
      format: 'esm',
      platform: 'node',
      conditions,
      outfile: out,
      logLevel: 'error',
    });
    const { fr, en } = await import(pathToFileURL(out).href);
    const hole = '\u0000';
    const details = new Proxy({}, { get: () => hole });
    const texts = new Set();
    for (const catalogue of [fr, en]) {
      for (const message of [...Object.values(catalogue.errors), ...Object.values(catalogue.labels)]) {
        let written;
        try {
          written = typeof message === 'function' ? message(details) : message;
        } catch {
          continue;
        }
        for (const run of String(written).split(hole)) if (run.trim().length >= minLength && /\S\s+\S/.test(run)) texts.add(run);
      }
    }
    return [...texts];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles `app` (default {@link RULES_APP}) and measures it. `conditions`:
 * `['@gusp/source']` for the sources, `[]` for the built dist/.
 * Returns the minified size, the gzip -9 size, the bytes per input file and
 * the catalogue texts found in the bundle (there should be none).
 */
export async function measureRulesBundle({ app = RULES_APP, conditions = ['@gusp/source'] } = {}) {
  const { build } = await import('esbuild');
  const dir = appDir();
  try {
    writeFileSync(join(dir, 'main.js'), app);
    const result = await build({
      entryPoints: [join(dir, 'main.js')],
      absWorkingDir: dir,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions,
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    const bytes = result.outputFiles[0].contents;
    const code = new TextDecoder().decode(bytes);
    const gz = gzipSync(bytes, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
    const inputs = Object.fromEntries(
      Object.entries(Object.values(result.metafile.outputs)[0].inputs)
        .map(([file, info]) => [file.replace(/^.*?(packages\/core\/|node_modules\/)/, '$1'), info.bytesInOutput])
        .sort((a, b) => b[1] - a[1]),
    );
    const texts = await catalogueTexts({ conditions });
    // esbuild writes non-ASCII characters as \xHH / \uHHHH escapes and may escape quotes: read them back.
    const plain = code.replace(
      /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\}|(['"`\\]))/g,
      (_, x, u, cp, q) => q ?? String.fromCodePoint(parseInt(x ?? u ?? cp, 16)),
    );
    const messagesFound = texts.filter((t) => plain.includes(t));
    return { raw: bytes.length, gz, inputs, messagesFound, textsChecked: texts.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
