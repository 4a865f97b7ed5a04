// SPDX-License-Identifier: EUPL-1.2
/**
 * Tests the built package as a consumer sees it: `import('@gusp/core')` and
 * `require('@gusp/core')` from a separate directory, resolved through the
 * package's `exports` map (never a relative path into dist), in child
 * processes; the declarations of both entry points under TypeScript's
 * `nodenext`; and that the browser-bound output imports no Node built-in
 * (every ESM module and the CommonJS bundle).
 *
 * Run with `node --test test-dist/dist.test.mjs`. Builds first when dist/ is
 * missing or older than the sources (the package's `test` script builds just
 * before, so then it only reuses dist/).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { measureRulesBundle, RULES_BUNDLE_BUDGET_GZ } from '../scripts/rules-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const OUTPUTS = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'city-profile.schema.json'];

/** Newest modification time of the files the build reads. */
function newestInput() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, 'src'));
  for (const file of ['package.json', 'tsup.config.ts', 'tsconfig.json', 'scripts/write-json-schema.mjs']) {
    newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

function distIsFresh() {
  const inputs = newestInput();
  return OUTPUTS.every((f) => existsSync(join(dist, f)) && statSync(join(dist, f)).mtimeMs >= inputs);
}

function run(command, args, options = {}) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // no loader (tsx) nor `--conditions` leaks into the consumer
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 120_000, ...options });
  if (result.error) throw result.error;
  return result;
}

function check(result, what) {
  assert.equal(result.status, 0, `${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** The scenario both module systems run; `core` is the package's namespace. Prints JSON. */
const scenario = /* js */ `
  const { createGusp, memoryStore, valence, parseCity, foldEngagement } = core;
  const now = new Date('2026-03-01T10:00:00+01:00');
  const gusp = createGusp({ city: valence, store: memoryStore(), now: () => now, locale: 'en' });
  const unwrap = (r) => { if (!r.ok) throw new Error(r.error.code + ': ' + r.error.message); return r.value; };
  const walk = unwrap(await gusp.walks.schedule({
    quartierId: 'le-plan',
    startsAt: '2026-03-14T09:00:00+01:00',
    capacity: 2,
    meetingPoint: { label: 'Parvis de l’école Jean-Moulin' },
  }));
  const published = unwrap(await gusp.walks.publish(walk.id));
  const person = (n) => ({ name: 'Person ' + n, email: 'p' + n + '@example.org', consent: true });
  const outcomes = [];
  for (const n of [1, 2, 3]) {
    const o = unwrap(await gusp.walks.register(walk.id, person(n)));
    outcomes.push({ status: o.status, position: o.position ?? null });
  }
  const duplicate = await gusp.walks.register(walk.id, person(1));
  const summary = unwrap(await gusp.queries.walkSummary(walk.id));
  const broken = parseCity({ id: 'x', name: '', timezone: 'Mars/Olympus', quartiers: [] }, 'en');
  console.log(JSON.stringify({
    walkStatus: walk.status,
    publishedStatus: published.status,
    deadline: walk.registrationDeadline,
    outcomes,
    duplicate: duplicate.ok ? null : duplicate.error.code,
    summaryKeys: Object.keys(summary).sort(),
    brokenCode: broken.ok ? null : broken.error.code,
    brokenCount: broken.ok ? 0 : broken.error.details.issues.length,
    fold: typeof foldEngagement,
  }));
`;

const expected = {
  walkStatus: 'draft',
  publishedStatus: 'open',
  // The city's default: the day before, at 18:00 Paris time.
  deadline: '2026-03-13T18:00:00+01:00',
  outcomes: [
    { status: 'confirmed', position: null },
    { status: 'confirmed', position: null },
    { status: 'waitlisted', position: 1 },
  ],
  duplicate: 'registration.duplicate-email',
  brokenCode: 'city.invalid',
  fold: 'function',
};

let consumer;

before(() => {
  if (!distIsFresh()) {
    check(run(join(root, 'node_modules', '.bin', 'tsup'), [], { cwd: root }), 'tsup build');
    check(run(process.execPath, ['scripts/write-json-schema.mjs'], { cwd: root }), 'write-json-schema');
  }
  // A consumer project that has @gusp/core installed (as pnpm or npm link it: a symlink).
  consumer = mkdtempSync(join(tmpdir(), 'gusp-core-consumer-'));
  mkdirSync(join(consumer, 'node_modules', '@gusp'), { recursive: true });
  symlinkSync(root, join(consumer, 'node_modules', '@gusp', 'core'), 'dir');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(
    join(consumer, 'esm.mjs'),
    `const core = await import('@gusp/core');\n${scenario}\n` +
      `const schema = (await import('@gusp/core/city-profile.schema.json', { with: { type: 'json' } })).default;\n` +
      `console.log(JSON.stringify({ resolved: import.meta.resolve('@gusp/core'), schemaTitle: schema.title }));\n`,
  );
  writeFileSync(
    join(consumer, 'cjs.cjs'),
    `const core = require('@gusp/core');\n(async () => {\n${scenario}\n` +
      `console.log(JSON.stringify({ resolved: require.resolve('@gusp/core'), schemaTitle: require('@gusp/core/city-profile.schema.json').title }));\n` +
      `})().catch((e) => { console.error(e); process.exit(1); });\n`,
  );
});

after(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

/** Runs a consumer file, returns its two JSON lines. */
function consume(file, flags = []) {
  const result = check(run(process.execPath, [...flags, file], { cwd: consumer }), file);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 2, `unexpected output of ${file}:\n${result.stdout}\n${result.stderr}`);
  return { outcome: JSON.parse(lines[0]), meta: JSON.parse(lines[1]), stderr: result.stderr };
}

describe('@gusp/core as published', () => {
  test('the exports map points at files that exist, types first', () => {
    const dot = pkg.exports['.'];
    assert.deepEqual(Object.keys(dot.import), ['types', 'default']);
    assert.deepEqual(Object.keys(dot.require), ['types', 'default']);
    for (const target of [dot.import.types, dot.import.default, dot.require.types, dot.require.default, pkg.exports['./city-profile.schema.json'], pkg.main, pkg.module, pkg.types]) {
      assert.ok(existsSync(join(root, target)), `${target} is missing`);
    }
    assert.ok(existsSync(join(root, dot['@gusp/source'])), `${dot['@gusp/source']} is missing`);
  });

  test('ESM: import("@gusp/core") runs the scenario', () => {
    // JSON modules still print an ExperimentalWarning on Node 20.
    const { outcome, meta } = consume('esm.mjs', ['--disable-warning=ExperimentalWarning']);
    assert.deepEqual({ ...outcome, summaryKeys: undefined, brokenCount: undefined }, { ...expected, summaryKeys: undefined, brokenCount: undefined });
    assert.ok(outcome.brokenCount >= 3, `expected several issues, got ${outcome.brokenCount}`);
    assert.ok(outcome.summaryKeys.length > 0);
    assert.equal(fileURLToPath(meta.resolved), join(root, 'dist', 'index.js'));
    assert.equal(meta.schemaTitle, 'GUSP city profile');
  });

  test('CJS: require("@gusp/core") runs the same scenario with the same results', () => {
    const esm = consume('esm.mjs', ['--disable-warning=ExperimentalWarning']);
    const cjs = consume('cjs.cjs');
    assert.deepEqual(cjs.outcome, esm.outcome);
    assert.equal(cjs.meta.resolved, join(root, 'dist', 'index.cjs'));
    assert.equal(cjs.meta.schemaTitle, 'GUSP city profile');
    // nanoid is bundled into the CommonJS build: no require() of an ES module, no warning.
    assert.doesNotMatch(cjs.stderr, /ERR_REQUIRE_ESM|ExperimentalWarning/);
  });

  test('both entry points type-check under TypeScript nodenext (import → .d.ts, require → .d.cts)', () => {
    writeFileSync(
      join(consumer, 'esm.mts'),
      `import { createGusp, memoryStore, valence, type Result, type Walk } from '@gusp/core';\n` +
        `const gusp = createGusp({ city: valence, store: memoryStore() });\n` +
        `export const walk: Promise<Result<Walk>> = gusp.walks.schedule({ quartierId: 'le-plan', startsAt: '2026-03-14T09:00:00+01:00' });\n`,
    );
    writeFileSync(
      join(consumer, 'cjs.cts'),
      `import core = require('@gusp/core');\n` +
        `const gusp = core.createGusp({ city: core.valence, store: core.memoryStore() });\n` +
        `export const walk: Promise<core.Result<core.Walk>> = gusp.walks.schedule({ quartierId: 'le-plan', startsAt: '2026-03-14T09:00:00+01:00' });\n`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { noEmit: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], skipLibCheck: true },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.json', '--traceResolution'], { cwd: consumer, maxBuffer: 64 * 1024 * 1024 });
    const errors = result.stdout.split('\n').filter((l) => /error TS/.test(l));
    assert.equal(result.status, 0, `tsc failed:\n${errors.join('\n')}\n${result.stderr}`);
    const resolvedTo = (l) => /Module name '@gusp\/core' was successfully resolved to '([^']+)'/.exec(l)?.[1];
    const resolutions = [...new Set(result.stdout.split('\n').map(resolvedTo).filter(Boolean))].sort();
    assert.deepEqual(resolutions, [join(root, 'dist', 'index.d.cts'), join(root, 'dist', 'index.d.ts')].sort());
  });

  test(`an app's \`import { can, walkRules }\` from dist is at most ${RULES_BUNDLE_BUDGET_GZ} B gz, with no catalogue text`, async () => {
    // Resolved by name without the @gusp/source condition: dist/index.js, its per-module files and "sideEffects": false.
    const m = await measureRulesBundle({ conditions: [] });
    assert.ok(Object.keys(m.inputs).some((f) => f.startsWith('packages/core/dist/')), `not bundled from dist: ${JSON.stringify(m.inputs)}`);
    assert.ok(m.gz <= RULES_BUNDLE_BUDGET_GZ, `${m.gz} B gz: ${JSON.stringify(m.inputs)}`);
    assert.deepEqual(Object.keys(m.inputs).filter((f) => /locales\/|i18n|zod/.test(f)), []);
    assert.deepEqual(m.messagesFound, []);
  });

  test('dist imports no Node built-in, and only declared dependencies', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const declared = Object.keys(pkg.dependencies ?? {});
    // The ESM build is one file per source module; the CommonJS build is one bundled file.
    const files = readdirSync(dist, { recursive: true }).filter((f) => /\.(?:js|cjs)$/.test(f));
    assert.ok(files.includes('index.js') && files.includes('index.cjs') && files.length > 2, `unexpected dist: ${files.join(', ')}`);
    for (const file of files) {
      const code = readFileSync(join(dist, file), 'utf8');
      const specifiers = new Set();
      const patterns = [
        /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g, // import … from 'x', import 'x'
        /\bexport\s*[\w*${}\s,]*?\s*from\s*["']([^"']+)["']/g, // export … from 'x'
        /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import('x')
        /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g, // require('x')
      ];
      for (const re of patterns) for (const m of code.matchAll(re)) specifiers.add(m[1]);
      if (file === 'index.js' || file === 'index.cjs') assert.ok(specifiers.size > 0, `no import found in ${file}: the check itself is broken`);
      const nodeOnes = [...specifiers].filter((s) => s.startsWith('node:') || builtins.has(s) || builtins.has(s.split('/')[0]));
      assert.deepEqual(nodeOnes, [], `${file} imports Node built-ins`);
      const undeclared = [...specifiers].filter((s) => !s.startsWith('.') && !declared.some((d) => s === d || s.startsWith(`${d}/`)));
      const missing = [...specifiers].filter((s) => s.startsWith('.') && !existsSync(join(dist, file, '..', s)));
      assert.deepEqual(missing, [], `${file} imports files missing from dist`);
      assert.deepEqual(undeclared, [], `${file} imports packages missing from dependencies`);
      // Node-only globals have no place in browser-bound code either.
      assert.doesNotMatch(code, /\b(?:process\.(?:env|versions|platform|cwd)|Buffer\.|__dirname|__filename|createRequire)\b/, `${file} uses a Node-only global`);
    }
  });
});
