// SPDX-License-Identifier: EUPL-1.2
// Proves that each published package (packages/*, not private) is publishable as it will be published:
// packs it with `pnpm pack` (so `workspace:` ranges and `publishConfig.exports` are applied), then checks
// the tarball:
//
// 1. it holds only dist/**, README.md, LICENSE, package.json (and the `customElements` manifest), and
//    all of those; every `exports` / `main` / `module` / `types` / `bin` / `customElements` target is in it;
// 2. its manifest has no `workspace:` range and no `@gusp/source` condition (workspace-only: it points at
//    src/*.ts, which is not published), and its `exports` are the workspace's minus that condition
//    (so `publishConfig.exports` cannot drift from `exports`);
// 3. publint, strict: any error or warning fails;
// 4. @arethetypeswrong/cli: any problem fails, under the profile that fits the package (printed):
//    `node16` for a dual ESM/CommonJS package, `esm-only` for an ESM-only one. Neither checks TypeScript's
//    `node10` resolution (`moduleResolution: "node"`), which ignores `exports`: it cannot resolve a JSON
//    subpath such as `@gusp/core/city-profile.schema.json` (no such file at the package root) nor any subpath of
//    an exports-only package. TypeScript 6 deprecates `node10` and TypeScript 7 removes it; `node16`/`nodenext`
//    and `bundler`, which every supported setup uses, are all checked.
//
// Run by the root `test` script after the packages' own tests. A package whose dist/ lacks a target, or is
// older than its src/, is built first (`pnpm run build`). `node scripts/check-packages.mjs core` checks one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_CONDITION = '@gusp/source';
const only = process.argv.slice(2);

/** `exports` without the workspace-only condition. */
const strip = (e) =>
  typeof e !== 'object' || e === null
    ? e
    : Array.isArray(e)
      ? e.map(strip)
      : Object.fromEntries(
          Object.entries(e)
            .filter(([k]) => k !== WORKSPACE_CONDITION)
            .map(([k, v]) => [k, strip(v)]),
        );

/** Every [subpath, condition path, target] leaf of an `exports` value. */
function exportTargets(exports) {
  const out = [];
  const visit = (value, subpath, conditions) => {
    if (typeof value === 'string') out.push([subpath, conditions, value]);
    else if (Array.isArray(value)) value.forEach((v) => visit(v, subpath, conditions));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.startsWith('.')) visit(v, k, conditions);
        else visit(v, subpath, [...conditions, k]);
      }
    }
  };
  visit(typeof exports === 'string' ? { '.': exports } : exports, '.', []);
  return out;
}

/** The files a manifest points at: [field, target]; wildcard targets stay patterns. */
function manifestTargets(pkg) {
  const targets = [];
  for (const field of ['main', 'module', 'types', 'typings', 'customElements'])
    if (typeof pkg[field] === 'string') targets.push([field, pkg[field]]);
  if (typeof pkg.bin === 'string') targets.push(['bin', pkg.bin]);
  else for (const [name, file] of Object.entries(pkg.bin ?? {})) targets.push([`bin.${name}`, file]);
  for (const [subpath, conditions, target] of exportTargets(pkg.exports ?? {}))
    targets.push([`exports["${subpath}"]${conditions.map((c) => `.${c}`).join('')}`, target]);
  return targets.map(([field, target]) => [field, target.replace(/^\.\//, '')]);
}

/** Files of `list` matching a target, `*` standing for any string (as in `exports` patterns). */
function matching(target, list) {
  if (!target.includes('*')) return list.includes(target) ? [target] : [];
  const re = new RegExp(
    `^${target
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+)')}$`,
  );
  return list.filter((f) => re.test(f));
}

const walk = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    : [];
const newest = (dir) => walk(dir).reduce((t, f) => Math.max(t, statSync(f).mtimeMs), 0);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: result.status ?? 1, out: `${result.stdout ?? ''}${result.stderr ?? ''}`, stdout: result.stdout ?? '' };
}

// The published packages, dependencies first (the elements build against the core's dist).
const packages = readdirSync(join(root, 'packages'))
  .map((name) => ({ name, dir: join(root, 'packages', name) }))
  .filter(({ dir }) => existsSync(join(dir, 'package.json')))
  .map((p) => ({ ...p, pkg: JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private)
  .filter(({ name, pkg }) => only.length === 0 || only.includes(name) || only.includes(pkg.name));
const names = new Set(packages.map((p) => p.pkg.name));
const deps = (p) => Object.keys({ ...p.pkg.dependencies, ...p.pkg.peerDependencies }).filter((d) => names.has(d));
packages.sort((a, b) => (deps(b).includes(a.pkg.name) ? -1 : deps(a).includes(b.pkg.name) ? 1 : a.name.localeCompare(b.name)));
if (packages.length === 0) {
  console.error(`check-packages: no published package matches ${only.join(' ')}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'gusp-check-packages-'));
const failures = [];
try {
  for (const { name, dir, pkg } of packages) {
    const problems = [];
    const fail = (msg) => problems.push(msg);
    console.log(`\n── ${pkg.name}@${pkg.version} (packages/${name})`);

    // Build when a target is missing or dist/ is older than src/.
    const expected = manifestTargets({ ...pkg, exports: strip(pkg.publishConfig?.exports ?? pkg.exports) }).filter(
      ([, t]) => t !== 'package.json',
    );
    const onDisk = [...walk(join(dir, 'dist')), ...readdirSync(dir).map((f) => join(dir, f))].map((f) => relative(dir, f));
    const missing = expected.filter(([, t]) => matching(t, onDisk).length === 0);
    const builtAt = Math.min(...expected.flatMap(([, t]) => matching(t, onDisk)).map((f) => statSync(join(dir, f)).mtimeMs));
    if (missing.length || builtAt < newest(join(dir, 'src'))) {
      console.log(
        `   building (${missing.length ? `missing ${[...new Set(missing.map(([, t]) => t))].join(', ')}` : 'dist/ older than src/'}): pnpm run build`,
      );
      const built = run('pnpm', ['run', 'build'], { cwd: dir });
      if (built.status !== 0) {
        console.log(built.out);
        failures.push(`${pkg.name}: build failed`);
        continue;
      }
    }

    // Pack as pnpm publishes it.
    const dest = join(work, name);
    const packed = run('pnpm', ['pack', '--pack-destination', dest, '--json'], { cwd: dir });
    if (packed.status !== 0) {
      console.log(packed.out);
      failures.push(`${pkg.name}: pnpm pack failed`);
      continue;
    }
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('{')));
    const tarball = info.filename;
    const files = info.files.map((f) => f.path).sort();
    const extract = run('tar', ['xzf', tarball, '-C', dest]);
    if (extract.status !== 0) throw new Error(`tar: ${extract.out}`);
    const packedPkg = JSON.parse(readFileSync(join(dest, 'package', 'package.json'), 'utf8'));
    const top = files.filter((f) => !f.startsWith('dist/'));
    console.log(`   ${relative(work, tarball)}: ${files.length} files, ${files.length - top.length} under dist/, and ${top.join(', ')}`);

    // 1. Contents.
    const allowedTop = new Set([
      'README.md',
      'LICENSE',
      'package.json',
      ...(packedPkg.customElements ? [packedPkg.customElements.replace(/^\.\//, '')] : []),
    ]);
    const extra = top.filter((f) => !allowedTop.has(f));
    if (extra.length) fail(`files that should not be published: ${extra.join(', ')}`);
    const absent = [...allowedTop].filter((f) => !files.includes(f));
    if (absent.length) fail(`missing from the tarball: ${absent.join(', ')}`);
    if (!existsSync(join(dir, 'LICENSE'))) fail('no LICENSE file in the package directory (pnpm would fall back to the root one)');
    for (const [field, target] of manifestTargets(packedPkg)) {
      if (matching(target, files).length === 0) fail(`${field} → ./${target}: not in the tarball`);
    }
    // A pattern subpath must give the same matches under every condition (define/x.js and define/x.d.ts).
    const bySubpath = new Map();
    for (const [subpath, , target] of exportTargets(packedPkg.exports ?? {})) {
      if (!target.includes('*')) continue;
      const stars = matching(target.replace(/^\.\//, ''), files).map(
        (f) =>
          new RegExp(
            `^${target
              .replace(/^\.\//, '')
              .split('*')
              .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
              .join('(.+)')}$`,
          ).exec(f)[1],
      );
      bySubpath.set(subpath, [...(bySubpath.get(subpath) ?? []), [target, stars.sort()]]);
    }
    const wildcardEntrypoints = [];
    for (const [subpath, variants] of bySubpath) {
      const [first] = variants;
      for (const [target, stars] of variants) {
        if (!isDeepStrictEqual(stars, first[1]))
          fail(`exports["${subpath}"]: ${target} matches ${stars.join(', ')} but ${first[0]} matches ${first[1].join(', ')}`);
      }
      wildcardEntrypoints.push(...first[1].map((s) => subpath.replace('*', s)));
    }

    // 2. The manifest as published.
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dep, range] of Object.entries(packedPkg[field] ?? {}))
        if (String(range).startsWith('workspace:')) fail(`${field}.${dep} is still ${range}`);
    }
    if (JSON.stringify(packedPkg.exports ?? {}).includes(`"${WORKSPACE_CONDITION}"`))
      fail(`the published exports still hold the workspace-only "${WORKSPACE_CONDITION}" condition`);
    if (!isDeepStrictEqual(packedPkg.exports, strip(pkg.exports))) {
      fail(
        `published exports differ from the workspace's minus "${WORKSPACE_CONDITION}": keep publishConfig.exports in step with exports\n     published: ${JSON.stringify(packedPkg.exports)}\n     expected:  ${JSON.stringify(strip(pkg.exports))}`,
      );
    }

    // 3. publint on the tarball, strict.
    const tarData = readFileSync(tarball);
    const lint = await publint({
      pack: { tarball: tarData.buffer.slice(tarData.byteOffset, tarData.byteOffset + tarData.byteLength) },
      strict: true,
      level: 'suggestion',
    });
    if (lint.messages.length === 0) console.log('   publint (strict): all good');
    for (const m of lint.messages) {
      const line = `publint ${m.type} ${m.code}: ${formatMessage(m, lint.pkg, { color: false })}`;
      if (m.type === 'suggestion') console.log(`   ${line}`);
      else fail(line);
    }

    // 4. Are the types wrong?
    const dual =
      exportTargets(packedPkg.exports ?? {}).some(([, conditions]) => conditions.includes('require')) ||
      /\.cjs$/.test(packedPkg.main ?? '');
    const profile = dual ? 'node16' : 'esm-only';
    const attwArgs = [tarball, '--profile', profile, '--no-definitely-typed', '--format', 'table-flipped', '--no-color', '--no-emoji'];
    if (wildcardEntrypoints.length) attwArgs.push('--include-entrypoints', ...wildcardEntrypoints);
    const attw = run(join(root, 'node_modules', '.bin', 'attw'), attwArgs, { cwd: work });
    console.log(
      `   attw --profile ${profile} (${dual ? 'dual ESM/CommonJS' : 'ESM only'}; node10 resolution not checked, see the header of this script)${wildcardEntrypoints.length ? `, wildcard entry points ${wildcardEntrypoints.join(' ')}` : ''}:`,
    );
    console.log(attw.out.trim().replace(/^/gm, '     '));
    if (attw.status !== 0) fail(`attw found problems (profile ${profile})`);

    if (problems.length) {
      failures.push(...problems.map((p) => `${pkg.name}: ${p}`));
      for (const p of problems) console.log(`   ✗ ${p}`);
    } else console.log(`   ✓ ${pkg.name} is publishable`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\ncheck-packages: ${failures.length} problem(s)\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\ncheck-packages: ${packages.map((p) => p.pkg.name).join(', ')} publishable`);
