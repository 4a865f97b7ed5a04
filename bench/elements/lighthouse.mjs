// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo page on a phone (issue 12): the real demo server (as `pnpm start`
 * runs it: `gusp-server start --seed valence`, here on a free port and a
 * temporary data directory), then
 *
 *  (a) Lighthouse mobile (its defaults: Moto G Power emulation, simulated
 *      slow 4G and 4× CPU), performance only, BENCH_LIGHTHOUSE_RUNS times
 *      (default 3): the median run's score, Total Blocking Time, Largest
 *      Contentful Paint, and the transfer size of the elements' bundle(s)
 *      (every script under /elements/);
 *  (b) time to walk data, in Chromium driven by puppeteer-core over CDP with
 *      the slow-4G figures applied for real (150 ms latency, 1.6 Mbps down,
 *      750 kbps up, 4× CPU; BENCH_LATENCY_MS=562.5 for Lighthouse's own
 *      "devtools" request latency), the same phone screen, an empty cache:
 *      from navigation start until `<gusp-walk-list>` shows a walk's title in
 *      its shadow DOM (median of BENCH_WALK_RUNS, default 3), and what the
 *      bundle cost on the wire;
 *  (c) a repeat visit in the same browser (cache kept): the bundle's bytes
 *      downloaded again (body bytes; a 304 counts 0) and how many requests.
 *
 * Budgets, printed, not enforced (they depend on the machine): performance
 * ≥ 95, TBT ≤ 200 ms, walk data ≤ 1.5 s, bundle transfer ≤ 45 kB, repeat
 * visit 0 bundle bytes.
 *
 * Run: `pnpm bench:lighthouse` (about a minute). Needs Chromium
 * (CHROME_PATH, else /usr/bin/chromium and the usual places).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { startDemoServer } from '../../stories/scripts/demo-server.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const WALK_RUNS = Number(process.env.BENCH_WALK_RUNS ?? 3);
/** Lighthouse's slow 4G (its `mobileSlow4G`: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU). */
const SLOW_4G = {
  latency: Number(process.env.BENCH_LATENCY_MS ?? 150),
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpu: 4,
};
/** Lighthouse's mobile screen (Moto G Power). */
const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true };
const KB = 1000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const mark = (ok) => (ok ? 'ok  ' : 'OVER');
const isBundle = (url) => new URL(url).pathname.startsWith('/elements/');

// The bundle, as `pnpm start` makes sure of it.
const ensured = spawnSync(process.execPath, [join(repo, 'packages/server/scripts/ensure-elements-bundle.mjs')], { stdio: 'inherit' });
if (ensured.status !== 0) process.exit(ensured.status ?? 1);

const requireFromServer = createRequire(join(repo, 'packages', 'server', 'package.json'));
const puppeteer = (await import(pathToFileURL(requireFromServer.resolve('puppeteer-core')).href)).default;

const dataDir = mkdtempSync(join(tmpdir(), 'gusp-lighthouse-'));
const demo = await startDemoServer(dataDir);
const url = `${demo.url}/`;
console.log(`demo server ${demo.url} (seed valence, data in ${dataDir})`);

/** A fresh browser: Lighthouse drives it through its debugging port. */
const launch = () =>
  puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
  });

try {
  // (a) Lighthouse, each run in its own browser (no cache shared between runs).
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const browser = await launch();
    try {
      const port = Number(new URL(browser.wsEndpoint()).port);
      const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error('Lighthouse gave no result');
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const requests = lhr.audits['network-requests']?.details?.items ?? [];
      const bundle = requests.filter((r) => isBundle(r.url));
      runs.push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        tbt: lhr.audits['total-blocking-time'].numericValue,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        fcp: lhr.audits['first-contentful-paint'].numericValue,
        bundleBytes: bundle.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
        bundleFiles: bundle.length,
        totalBytes: lhr.audits['total-byte-weight'].numericValue,
      });
      const r = runs.at(-1);
      console.log(
        `lighthouse run ${i + 1}: performance ${r.score}, TBT ${r.tbt.toFixed(0)} ms, LCP ${r.lcp.toFixed(0)} ms, FCP ${r.fcp.toFixed(0)} ms, bundle ${(r.bundleBytes / KB).toFixed(1)} kB in ${r.bundleFiles} file(s), page ${(r.totalBytes / KB).toFixed(1)} kB`,
      );
    } finally {
      await browser.close();
    }
  }
  const byScore = [...runs].sort((a, b) => a.score - b.score);
  const mid = byScore[Math.floor((byScore.length - 1) / 2)];

  // (b) and (c): CDP-throttled visits, then a repeat visit in the same browser.
  const walkTimes = [];
  let firstBundle = { bytes: 0, files: 0 };
  let repeat = { bytes: 0, files: 0, revalidated: 0, cached: 0 };
  for (let i = 0; i < WALK_RUNS; i++) {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setViewport({
        width: PHONE.width,
        height: PHONE.height,
        deviceScaleFactor: PHONE.deviceScaleFactor,
        isMobile: true,
        hasTouch: true,
      });
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: SLOW_4G.latency,
        downloadThroughput: SLOW_4G.downloadThroughput,
        uploadThroughput: SLOW_4G.uploadThroughput,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpu });
      // What each visit fetched of the bundle: body bytes on the wire, 304s and cache hits.
      let visit;
      const responses = new Map();
      const fromCache = new Set();
      cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
      cdp.on('Network.responseReceived', (e) => {
        if (isBundle(e.response.url)) responses.set(e.requestId, { status: e.response.status, cached: Boolean(e.response.fromDiskCache) });
      });
      cdp.on('Network.loadingFinished', (e) => {
        const r = responses.get(e.requestId);
        if (!r || !visit) return;
        visit.files++;
        if (r.cached || fromCache.has(e.requestId)) visit.cached++;
        else if (r.status === 304) visit.revalidated++;
        else visit.bytes += e.encodedDataLength;
      });
      const visitOnce = async () => {
        visit = { bytes: 0, files: 0, revalidated: 0, cached: 0 };
        responses.clear();
        fromCache.clear();
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        const handle = await page.waitForFunction(
          () => {
            const list = document.querySelector('gusp-walk-list');
            const name = list?.shadowRoot?.querySelector('[part~="card"] [id^="name-"]');
            return name && name.textContent.trim() !== '' ? performance.now() : false;
          },
          { polling: 'raf', timeout: 60_000 },
        );
        const shown = await handle.jsonValue();
        // Let the rest of the page's requests end before counting.
        await page.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 }).catch(() => {});
        return { shown, ...visit };
      };
      const first = await visitOnce();
      walkTimes.push(first.shown);
      firstBundle = first;
      const second = await visitOnce();
      repeat = second;
      console.log(
        `slow-4G visit ${i + 1}: walk data at ${first.shown.toFixed(0)} ms, bundle ${(first.bytes / KB).toFixed(1)} kB in ${first.files} file(s); repeat visit: walk data at ${second.shown.toFixed(0)} ms, bundle ${(second.bytes / KB).toFixed(1)} kB (${second.files} file(s): ${second.cached} from cache, ${second.revalidated} revalidated 304)`,
      );
    } finally {
      await browser.close();
    }
  }
  const walk = median(walkTimes);

  console.log('\ndemo page, mobile (median)        value       budget');
  const line = (what, value, ok, budget) => console.log(`${what.padEnd(33)} ${value.padStart(10)}  ${mark(ok)} ${budget}`);
  line('Lighthouse performance', String(mid.score), mid.score >= 95, '≥ 95');
  line('Total Blocking Time', `${mid.tbt.toFixed(0)} ms`, mid.tbt <= 200, '≤ 200 ms');
  line('Largest Contentful Paint', `${mid.lcp.toFixed(0)} ms`, true, '(no budget)');
  line('bundle transfer (Lighthouse)', `${(mid.bundleBytes / KB).toFixed(1)} kB`, mid.bundleBytes <= 45 * KB, '≤ 45 kB');
  line(`walk data, slow 4G (${SLOW_4G.latency} ms, CDP)`, `${walk.toFixed(0)} ms`, walk <= 1500, '≤ 1,500 ms');
  line('bundle transfer (CDP, 1st visit)', `${(firstBundle.bytes / KB).toFixed(1)} kB`, firstBundle.bytes <= 45 * KB, '≤ 45 kB');
  line('repeat visit, bundle bytes', `${repeat.bytes} B`, repeat.bytes === 0, '0');
} finally {
  await demo.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
