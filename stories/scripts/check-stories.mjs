// SPDX-License-Identifier: EUPL-1.2
/**
 * Checks the built Storybook (storybook-static/) in headless Chromium: every
 * story (ids from the built index.json), in French and English, in the default
 * theme and the city-charter theme, must
 *  - render: the story finishes (loaders, render, play, the a11y addon's
 *    afterEach) without error, its element has content in its shadow root,
 *    speaks the language asked for, and the page logs no error;
 *  - pass three accessibility engines on the story root (scripts/a11y-engines.mjs):
 *    axe-core (every rule it runs by default), HTML_CodeSniffer (pa11y's
 *    engine, WCAG2AA, on a flattened copy of the shadow DOM) and IBM Equal
 *    Access (IBM_Accessibility): any violation of any of them fails.
 * Exits 1 on any failure, listing rule id, story, language and theme.
 *
 * A story tagged `network-refused` reaches an endpoint the browser refuses on
 * purpose (offline); for it only, the browser's « Failed to load resource »
 * errors for that endpoint are expected and not counted as page errors.
 *
 * Usage: node scripts/check-stories.mjs [--only <substring of a story id>]
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { runAxe, runHtmlcs, runIbm, summarize } from './a11y-engines.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const STATIC = resolve(here, '../storybook-static');
const LANGS = ['fr', 'en'];
const THEMES = ['default', 'charter'];
/** Two cores: two pages at a time. */
const CONCURRENCY = Number(process.env.STORIES_CONCURRENCY ?? 2);
const STORY_TIMEOUT = 30_000;
const REFUSED_ENDPOINT = 'http://127.0.0.1:9/';

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A tiny static server for storybook-static/ on 127.0.0.1, on a free port. */
function serve(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

/**
 * Before any script of the page: keeps what Storybook's channel says when the
 * story is finished (`storyFinished`: status and the reports, among them the
 * a11y addon's).
 */
function listenForFinish() {
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyFinished', (event) => {
        window.__guspFinished = event;
      });
    },
  });
}

/** In the page: waits for Storybook's render of the story to finish (or fail). */
async function waitForStory(page) {
  await page.waitForFunction(
    () => {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return (
        (phase === 'finished' && window.__guspFinished) ||
        phase === 'errored' ||
        phase === 'aborted' ||
        !!document.querySelector('.sb-show-errordisplay')
      );
    },
    { timeout: STORY_TIMEOUT, polling: 50 },
  );
  return page.evaluate(() => {
    const render = window.__STORYBOOK_PREVIEW__?.currentRender;
    const error = document.querySelector('.sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'error display')
      : undefined;
    const finished = window.__guspFinished;
    const a11y = (finished?.reporters ?? []).find((r) => r.type === 'a11y');
    return {
      phase: render?.phase,
      status: finished?.status,
      error,
      addonA11y: a11y ? { status: a11y.status, violations: (a11y.result?.violations ?? []).map((v) => v.id) } : undefined,
    };
  });
}

/** In the page: what the story's element shows. */
function inspectElement(page) {
  return page.evaluate(() => {
    const el = document
      .querySelector('#storybook-root')
      ?.querySelector(
        [
          'gusp-walk-signup, gusp-issue-form, gusp-engagement-tracker, gusp-walk-list, gusp-project',
          'gusp-console, gusp-console-sign-in, gusp-console-walks, gusp-console-plan',
          'gusp-console-registrations, gusp-console-day, gusp-console-accounts',
          'gusp-console-dashboard',
          'gusp-console-engagements',
          'gusp-console-inbox',
          'gusp-console-report',
          'gusp-console-project, gusp-console-projects',
        ].join(', '),
      );
    const wrapper = document.querySelector('#storybook-root .gusp-story');
    if (!el) return { found: false };
    const root = el.shadowRoot;
    return {
      found: true,
      tag: el.localName,
      elements: root?.querySelectorAll('*').length ?? 0,
      text: (root?.textContent ?? '').replace(/\s+/g, ' ').trim().length,
      locale: el.locale,
      wrapperLang: wrapper?.getAttribute('lang'),
      primary: wrapper ? getComputedStyle(wrapper).getPropertyValue('--gusp-color-primary').trim() : '',
      heading: (root?.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** One page per worker, reused: the HTTP cache keeps the bundle; storage is cleared before each check. */
async function openWorker(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1024, height: 900 });
  await page.evaluateOnNewDocument(listenForFinish);
  const cdp = await page.createCDPSession();
  const worker = { context, page, cdp, onProblem: () => undefined };
  page.on('pageerror', (error) => worker.onProblem({ kind: 'page error', text: error.message }));
  page.on('console', (message) => {
    if (message.type() === 'error') worker.onProblem({ kind: 'console error', text: message.text(), url: message.location()?.url ?? '' });
  });
  page.on('requestfailed', (request) =>
    worker.onProblem({ kind: 'request failed', text: request.failure()?.errorText ?? '', url: request.url() }),
  );
  return worker;
}

async function checkOne(worker, base, story, lang, theme) {
  const label = `${story.id} [${lang}, ${theme}]`;
  const failures = [];
  const { page, cdp } = worker;
  const problems = [];
  const refusedOnPurpose = (url) => story.tags.includes('network-refused') && url.startsWith(REFUSED_ENDPOINT);
  worker.onProblem = ({ kind, text, url = '' }) => {
    if (kind === 'request failed' && refusedOnPurpose(url)) return;
    if (kind === 'console error' && /^Failed to load resource/.test(text) && refusedOnPurpose(url)) return;
    problems.push(`${kind}: ${text}${url ? ` (${url})` : ''}`);
  };
  // A fresh visit: no draft, no outbox entry, no storage left by the check before.
  await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'all' });
  const started = Date.now();
  let a11yViolations = [];
  let rendered = false;
  try {
    const url = `${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=lang:${lang};theme:${theme}`;
    await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT });
    const state = await waitForStory(page);
    if (state.phase !== 'finished' || state.error || (state.status && state.status !== 'success')) {
      failures.push(
        `render: story ended in phase "${state.phase}", status "${state.status}"${state.error ? `: ${state.error.trim().slice(0, 300)}` : ''}`,
      );
    }
    const shown = await inspectElement(page);
    if (!shown.found) failures.push('render: no GUSP element in the story root');
    else {
      if (shown.elements === 0 || shown.text === 0) failures.push(`render: <${shown.tag}> has an empty shadow root`);
      if (!shown.locale?.startsWith(lang)) failures.push(`render: <${shown.tag}> speaks "${shown.locale}", not "${lang}"`);
      if (shown.wrapperLang !== lang) failures.push(`render: the page's lang is "${shown.wrapperLang}", not "${lang}"`);
      if ((theme === 'charter') !== (shown.primary !== ''))
        failures.push(`render: the ${theme} theme is not applied (--gusp-color-primary = "${shown.primary}")`);
      rendered = failures.length === 0;
    }
    // axe and IBM read the live page; HTML_CodeSniffer then replaces it by its flattened copy.
    a11yViolations = [
      ...(await runAxe(page, '#storybook-root')).map((v) => ({ engine: 'axe', ...v })),
      ...(await runIbm(page, '#storybook-root')).violations.map((v) => ({ engine: 'ibm', ...v })),
      ...(await runHtmlcs(page, '#storybook-root')).map((v) => ({ engine: 'htmlcs', ...v })),
    ];
    for (const v of a11yViolations) failures.push(`a11y ${v.engine}: ${v.rule} at ${v.where}: ${v.text}`);
    if (state.addonA11y && state.addonA11y.status !== 'passed') {
      failures.push(`a11y (Storybook addon): ${state.addonA11y.status} ${state.addonA11y.violations.join(', ')}`);
    }
    return {
      label,
      story,
      lang,
      theme,
      failures: [...failures, ...problems],
      rendered: rendered && problems.length === 0,
      a11yViolations,
      addon: state.addonA11y?.status,
      ms: Date.now() - started,
    };
  } catch (error) {
    failures.push(`error: ${error instanceof Error ? error.message : String(error)}`);
    return { label, story, lang, theme, failures: [...failures, ...problems], rendered: false, a11yViolations, ms: Date.now() - started };
  } finally {
    worker.onProblem = () => undefined;
  }
}

async function main() {
  const started = Date.now();
  const index = JSON.parse(await readFile(join(STATIC, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story')
    .filter((e) => !only || e.id.includes(only));
  if (stories.length === 0) throw new Error('No story in storybook-static/index.json: run `pnpm build-storybook` first');
  const jobs = stories.flatMap((story) => LANGS.flatMap((lang) => THEMES.map((theme) => ({ story, lang, theme }))));

  const server = await serve(STATIC);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true });
  const results = [];
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, async () => {
        const worker = await openWorker(browser);
        while (next < jobs.length) {
          const job = jobs[next++];
          const result = await checkOne(worker, base, job.story, job.lang, job.theme);
          results.push(result);
          const mark = result.failures.length === 0 ? 'ok  ' : 'FAIL';
          console.log(`${mark} ${result.label} ${result.ms} ms${result.addon ? ` (addon a11y: ${result.addon})` : ''}`);
          for (const f of result.failures) console.log(`       ${f}`);
        }
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }

  const failed = results.filter((r) => r.failures.length > 0);
  const renderFailed = results.filter((r) => !r.rendered);
  console.log('');
  console.log(
    `${stories.length} stories × ${LANGS.length} languages × ${THEMES.length} themes = ${results.length} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`render: ${results.length - renderFailed.length}/${results.length} passed`);
  summarize(results, console.log);
  if (failed.length > 0) {
    console.log(`${failed.length} of ${results.length} checks FAILED`);
    process.exitCode = 1;
  } else {
    console.log('all checks passed');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
