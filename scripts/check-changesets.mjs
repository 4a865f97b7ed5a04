// SPDX-License-Identifier: EUPL-1.2
// CI gate: a branch that changes a published package (@gusp/core, @gusp/elements, @gusp/server) must
// bring a changeset for it (`pnpm changeset`; `pnpm changeset --empty` when no release is needed).
//
// Compares HEAD (and the working tree) with `origin/main` (or $GUSP_CHANGESET_BASE) through
// `changeset status --since=<base>`, which fails when packages changed and no changeset was added at all,
// then asks that every changed published package be in the release plan (changeset status alone accepts
// one changeset for core when the server changed too). "Changed" follows `changedFilePatterns` in
// .changeset/config.json: tests, benches and test configs do not count. Only committed or staged
// changesets are seen (`git add` a new one).
//
// Skipped, with the reason printed, when there is nothing to compare with: not a git work tree, or HEAD
// is `main` itself and there is no `origin/main` (a copy of main is its own base).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const git = (...args) => {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};
const skip = (reason) => {
  console.log(`check-changesets: skipped: ${reason}`);
  process.exit(0);
};

if (git('rev-parse', '--is-inside-work-tree') !== 'true') skip('not a git work tree');
const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
const baseBranch = config.baseBranch ?? 'main';
let base = process.env.GUSP_CHANGESET_BASE;
if (!base) {
  if (git('rev-parse', '--verify', '--quiet', `origin/${baseBranch}`)) base = `origin/${baseBranch}`;
  else if (git('symbolic-ref', '--quiet', '--short', 'HEAD') === baseBranch)
    skip(`HEAD is ${baseBranch} itself and there is no origin/${baseBranch}: nothing to compare with`);
  else if (git('rev-parse', '--verify', '--quiet', baseBranch)) base = baseBranch;
  else skip(`no origin/${baseBranch} nor ${baseBranch} branch to compare with (set GUSP_CHANGESET_BASE)`);
}
const mergeBase = git('merge-base', base, 'HEAD');
if (!mergeBase) {
  console.error(`check-changesets: HEAD has no common history with ${base} (a shallow clone? fetch with full depth, e.g. fetch-depth: 0)`);
  process.exit(1);
}

// changeset status wants a git identity; take the environment's, never touch the git config.
const env = { ...process.env };
const name = git('config', 'user.name') || env.GIT_AUTHOR_NAME || 'GUSP CI';
const email = git('config', 'user.email') || env.GIT_AUTHOR_EMAIL || 'ci@gusp.invalid';
env.GIT_AUTHOR_NAME ??= name;
env.GIT_COMMITTER_NAME ??= name;
env.GIT_AUTHOR_EMAIL ??= email;
env.GIT_COMMITTER_EMAIL ??= email;

const out = mkdtempSync(join(tmpdir(), 'gusp-changesets-'));
let plan;
try {
  const bin = join(root, 'node_modules', '.bin', 'changeset');
  const planFile = join(out, 'plan.json');
  console.log(`check-changesets: changeset status --since=${base} (diverged at ${mergeBase.slice(0, 10)})`);
  const status = spawnSync(bin, ['status', `--since=${base}`, `--output=${planFile}`], { cwd: root, env, stdio: 'inherit' });
  if (status.status !== 0) {
    console.error('check-changesets: a published package changed without a changeset: run `pnpm changeset` and commit the file it writes.');
    process.exit(1);
  }
  plan = JSON.parse(readFileSync(planFile, 'utf8'));
} finally {
  rmSync(out, { recursive: true, force: true });
}

// Every changed published package needs its own release (or an empty changeset saying none is needed).
const toRegExp = (glob) =>
  new RegExp(
    `^${glob.replace(/\*\*\/|\*\*|\*|\?|[.+^${}()|[\]\\]/g, (m) =>
      m === '**/' ? '(?:.*/)?' : m === '**' ? '.*' : m === '*' ? '[^/]*' : m === '?' ? '[^/]' : `\\${m}`,
    )}$`,
  );
const patterns = (config.changedFilePatterns ?? ['**']).map((p) =>
  p.startsWith('!') ? { not: true, re: toRegExp(p.slice(1)) } : { not: false, re: toRegExp(p) },
);
const counts = (file) => patterns.some((p) => !p.not && p.re.test(file)) && !patterns.some((p) => p.not && p.re.test(file));
const changedFiles = (git('diff', '--name-only', '--no-relative', mergeBase) ?? '').split('\n').filter(Boolean);
const published = readdirSync(join(root, 'packages'))
  .map((dir) => join('packages', dir))
  .filter((dir) => existsSync(join(root, dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private && !(config.ignore ?? []).includes(pkg.name));
// Named in a changeset, not only bumped as a dependent (whose CHANGELOG would then just say "Updated dependencies").
const released = new Set(plan.changesets.flatMap((c) => c.releases.filter((r) => r.type !== 'none').map((r) => r.name)));
const empty = plan.changesets.some((c) => c.releases.length === 0);
const uncovered = [];
for (const { dir, pkg } of published) {
  const files = changedFiles
    .filter((f) => f.startsWith(`${dir}/`))
    .map((f) => relative(dir, f))
    .filter(counts);
  if (files.length === 0) continue;
  const covered = released.has(pkg.name);
  console.log(
    `  ${pkg.name}: ${files.length} published file(s) changed, ${covered ? 'in a changeset' : empty ? 'an empty changeset says no release' : 'NO CHANGESET'} (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`,
  );
  if (!covered && !empty) uncovered.push(pkg.name);
}
if (uncovered.length) {
  console.error(`check-changesets: changed without a changeset: ${uncovered.join(', ')}. Run \`pnpm changeset\` and pick them.`);
  process.exit(1);
}
console.log(`check-changesets: ok (${plan.changesets.length} changeset(s) since ${base})`);
