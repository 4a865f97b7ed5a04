// SPDX-License-Identifier: EUPL-1.2
/**
 * `pnpm bench:server against <git-ref> [pglite|postgres] [--slices N | --rounds N]`: the sign-ups
 * per second of this working tree's server and of an earlier commit's, in the same run, so that
 * "throughput unchanged" is judged against the same machine at the same moment (issue 12's budget:
 * at least 0.9× the figures of the commit it was written against, in the same run).
 *
 * By default, in slices (`--slices N`, 10): both servers run at once, each in a process of its
 * own (against-server.mjs, each tree's own modules, each on its own PGlite or PostgreSQL), and one
 * load generator in this process sends them the same sign-ups in turns, a slice at a time: 600
 * spread over 50 walks, then the other server, and so on (N slices each, 6,000 sign-ups, as
 * run.ts sends), then 300 on one hot walk of 100 seats (N / 2 slices each, 1,500). Which server
 * goes first alternates. After each slice the server settles what the slice left (the read models'
 * catch-up, where the tree has them) and that time counts in the slice: the projection of a
 * slice's sign-ups is paid by that slice. The figure of each server is its sign-ups over the sum
 * of its slices' times; each pair of neighbouring slices also gives a ratio (their spread is
 * printed).
 *
 * Why slices: on a shared two-core machine the sign-ups per second of one whole run vary by ±25 %
 * from one minute to the next, more than the change being judged. Whole runs in turns (rounds,
 * below) compare medians of runs half a minute apart, which moved by 0.1–0.2 from one run to the
 * next; slices a second long, in turns, see the same machine.
 *
 * `--verbose` prints each slice's sign-ups per second.
 *
 * `--rounds N`: whole runs in turns instead, the earlier method: each tree's own
 * bench/server/run.mjs (its load, its bare handler), round 1 the earlier tree first, round 2 this
 * one, and so on; medians of each side compared.
 *
 * The earlier commit is checked out once as a git worktree under
 * `.bench-cache/against/<commit>` (gitignored) and installed from the pnpm
 * store (`--prefer-offline`). In slices, its server must be started as this
 * tree's is (`openMigratedDatabase`, `startServer` in src/server.ts,
 * `startPostgresCluster` in test/postgres-cluster.ts), as since the bench began.
 */
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { load } from '../../packages/server/bench/load.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const ref = args[0];
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : undefined);
const rounds = option('--rounds', 3);
const slices = option('--slices', 10) ?? 10;
/** `--verbose`: each slice's sign-ups per second. */
const verbose = args.includes('--verbose');
const databases = ['pglite', 'postgres'].filter((d) => args.includes(d));
if (!ref || ref.startsWith('-')) {
  console.error('usage: pnpm bench:server against <git-ref> [pglite|postgres] [--slices N [--verbose] | --rounds N]');
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

/** A tree's server in a process of its own (against-server.mjs); resolves once it listens, or to `undefined` when PostgreSQL is not installed. */
function startSide(dir, database) {
  const child = fork(fileURLToPath(new URL('./against-server.mjs', import.meta.url)), [dir, database], {
    cwd: `${dir}/packages/server`,
    execArgv: ['--conditions=@gusp/source', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const replies = [];
  const waiting = [];
  child.on('message', (m) => (waiting.length > 0 ? waiting.shift()(m) : replies.push(m)));
  let stopped;
  child.once('exit', (code) => {
    stopped = new Error(`${dir}: the server stopped (${code}):\n${stderr}`);
    for (const w of waiting.splice(0)) w(undefined);
  });
  const next = () =>
    new Promise((resolve, reject) => {
      if (replies.length > 0) return resolve(replies.shift());
      if (stopped) return reject(stopped);
      waiting.push((m) => (m === undefined ? reject(stopped) : resolve(m)));
    });
  return next().then((ready) =>
    ready.unavailable !== undefined
      ? undefined
      : {
          ...ready,
          /** Asks the server to finish what the last slice left (its read models' catch-up), and waits. */
          async settle() {
            child.send('settle');
            const m = await next();
            if (m !== 'settled') throw new Error(`${dir}: ${m.error}`);
          },
          close: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.send('close')))),
        },
  );
}

/** Both servers at once, the same sign-ups sent to each in turns, a slice at a time (the default). */
async function inSlices() {
  console.log(
    `against: this tree (${head}) and ${short}, both serving, sign-ups in slices in turns (${slices} spread, ${Math.max(1, slices >> 1)} hot each)`,
  );
  for (const database of databases.length > 0 ? databases : ['pglite', 'postgres']) {
    const ours = await startSide(root, database);
    let theirs;
    try {
      theirs = ours && (await startSide(tree, database));
    } catch (error) {
      await ours?.close();
      throw error;
    }
    if (!ours || !theirs) {
      await ours?.close();
      console.log(`${database}: skipped (PostgreSQL is not installed)`);
      continue;
    }
    const sides = { ours, theirs };
    try {
      const slice = async (who, scenario, n, k) => {
        const side = sides[who];
        const path =
          scenario === 'hot' ? () => `/api/walks/${side.hot}/registrations` : (i) => `/api/walks/${side.spread[i % 50]}/registrations`;
        const started = performance.now();
        const r = await load(side.url, n, path, (i) => ({
          name: `Habitant ${i}`,
          email: `${scenario}-${k}-${i}@example.org`,
          consent: true,
        }));
        const loaded = performance.now();
        await side.settle();
        const settled = performance.now();
        const confirmed = r.bodies.filter((b) => b.status === 'confirmed').length;
        return { errors: r.errors, confirmed, seconds: (settled - started) / 1000, settleMs: settled - loaded };
      };
      // Warm-up (JIT, caches), not measured.
      for (const who of ['theirs', 'ours']) await slice(who, 'warm', 200, 0);
      for (const [scenario, count, size] of [
        ['spread', slices, 600],
        ['hot', Math.max(1, slices >> 1), 300],
      ]) {
        const seen = { ours: [], theirs: [] };
        for (let k = 0; k < count; k++) {
          // Turns alternate which goes first, so neither always follows the other.
          for (const who of k % 2 === 0 ? ['theirs', 'ours'] : ['ours', 'theirs']) {
            const r = await slice(who, scenario, size, k);
            if (verbose)
              console.log(
                `${database.padEnd(9)} ${scenario.padEnd(6)} slice ${k + 1} ${who === 'ours' ? head : short}: ${(size / r.seconds).toFixed(0)}/s (settled in ${r.settleMs.toFixed(0)} ms)`,
              );
            seen[who].push(r);
          }
        }
        const rate = (list) => (list.length * size) / list.reduce((t, r) => t + r.seconds, 0);
        const pairs = seen.ours.map((r, k) => seen.theirs[k].seconds / r.seconds).sort((a, b) => a - b);
        const errors = (list) => list.reduce((n, r) => n + r.errors, 0);
        const confirmed = (list) => list.reduce((n, r) => n + r.confirmed, 0);
        const ratio = rate(seen.ours) / rate(seen.theirs);
        const extra = scenario === 'hot' ? `; confirmed ${confirmed(seen.ours)} | ${confirmed(seen.theirs)} of 100 seats` : '';
        console.log(
          `${database.padEnd(9)} ${scenario.padEnd(6)} ${rate(seen.ours).toFixed(0)}/s against ${rate(seen.theirs).toFixed(0)}/s: ${ratio.toFixed(2)}×   ${ratio >= 0.9 ? 'ok  ' : 'OVER'} ≥ 0.9× ${short} in the same run   (pairs ${pairs[0].toFixed(2)}–${median(pairs).toFixed(2)}–${pairs.at(-1).toFixed(2)}; errors ${errors(seen.ours)} | ${errors(seen.theirs)}${extra})`,
        );
      }
    } finally {
      await ours.close();
      await theirs.close();
    }
  }
}

/** Whole runs of each tree's run.ts in turns, medians compared (`--rounds`). */
function wholeRuns() {
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
}

if (rounds === undefined) await inSlices();
else wholeRuns();
