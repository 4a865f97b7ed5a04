// SPDX-License-Identifier: EUPL-1.2
/**
 * `pnpm bench:server against <git-ref> [pglite|postgres] [--rounds N]`: the
 * sign-up bench (run.ts) of this working tree and of an earlier commit, taken
 * in turns in the same run, so that "throughput unchanged" is judged against
 * the same machine at the same moment (issue 12's budget: at least 0.9× the
 * figures of the commit it was written against, in the same run).
 *
 * Why in turns: on a shared two-core machine the sign-ups per second of one
 * run vary by ±25 % from one minute to the next, more than the change being
 * judged; the ratio of each run to its bare handler varies as much. Rounds of
 * (earlier, this tree) then (this tree, earlier) see the same noise, and the
 * medians of their sign-ups per second compare the two servers.
 *
 * The earlier commit is checked out once as a git worktree under
 * `.bench-cache/against/<commit>` (gitignored) and installed from the pnpm
 * store (`--prefer-offline`); its own bench/server/run.mjs is run, so the
 * load (requests, connections, bare handler) is what it was then. Its run.ts
 * must print the table this one prints (it has since the bench began).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const ref = args[0];
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const databases = ['pglite', 'postgres'].filter((d) => args.includes(d));
if (!ref || ref.startsWith('-')) {
  console.error('usage: pnpm bench:server against <git-ref> [pglite|postgres] [--rounds N]');
  process.exit(2);
}
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
const short = commit.slice(0, 7);
const head = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') === '' ? '' : '+changes'}`;
const tree = `${root}.bench-cache/against/${commit}`;
if (!existsSync(`${tree}/package.json`)) {
  mkdirSync(`${root}.bench-cache/against`, { recursive: true });
  git('worktree', 'add', '--detach', '--force', tree, commit);
}
if (!existsSync(`${tree}/node_modules`)) {
  console.log(`against: installing ${short} in ${tree}`);
  const installed = spawnSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: tree, stdio: 'inherit' });
  if (installed.status !== 0) process.exit(installed.status ?? 1);
}

/** One run of a tree's sign-up bench: req/s of each (database, scenario, server). */
function runOnce(dir, database) {
  const out = spawnSync(process.execPath, [`${dir}/bench/server/run.mjs`, database], { cwd: dir, encoding: 'utf8' });
  const figures = new Map();
  for (const line of out.stdout.split('\n')) {
    const m = /^(pglite|postgres)\s+(spread|hot)\b.*?(bare node:http|@gusp\/server)\s+(\d+)/.exec(line);
    if (m) figures.set(`${m[2]} ${m[3] === '@gusp/server' ? 'gusp' : 'bare'}`, Number(m[4]));
  }
  if (figures.size === 0) {
    if (/skipped/.test(out.stdout)) return undefined;
    throw new Error(`no figures from ${dir} (${database}):\n${out.stdout}\n${out.stderr}`);
  }
  return figures;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

console.log(`against: this tree (${head}) and ${short}, ${rounds} rounds in turns`);
for (const database of databases.length > 0 ? databases : ['pglite', 'postgres']) {
  const seen = { ours: [], theirs: [] };
  for (let round = 0; round < rounds; round++) {
    // Turns alternate which goes first, so neither always runs on a warmer or a busier machine.
    const order = round % 2 === 0 ? ['theirs', 'ours'] : ['ours', 'theirs'];
    for (const who of order) {
      const figures = runOnce(who === 'ours' ? root : tree, database);
      if (!figures) {
        console.log(`${database}: skipped (PostgreSQL is not installed)`);
        break;
      }
      seen[who].push(figures);
      const line = ['spread', 'hot'].map((s) => `${s} ${figures.get(`${s} gusp`)}/s (bare ${figures.get(`${s} bare`)})`).join('   ');
      console.log(`${database.padEnd(9)} round ${round + 1}  ${(who === 'ours' ? head : short).padEnd(14)} ${line}`);
    }
    if (seen.ours.length === 0) break;
  }
  if (seen.ours.length === 0 || seen.theirs.length === 0) continue;
  for (const scenario of ['spread', 'hot']) {
    const ours = median(seen.ours.map((f) => f.get(`${scenario} gusp`)));
    const theirs = median(seen.theirs.map((f) => f.get(`${scenario} gusp`)));
    const ratio = ours / theirs;
    console.log(
      `${database.padEnd(9)} ${scenario.padEnd(6)} median ${ours.toFixed(0)}/s against ${theirs.toFixed(0)}/s: ${ratio.toFixed(2)}×   ${ratio >= 0.9 ? 'ok  ' : 'OVER'} ≥ 0.9× ${short} in the same run`,
    );
  }
}
