// SPDX-License-Identifier: EUPL-1.2
/**
 * The webmasters' guide runs as written: every ```html, ```css and ```js block of
 * docs/webmasters.md is taken from the page itself and run in Chromium, the
 * guide's example addresses swapped for this test's (the self-contained bundle
 * at /__bundle__/, the test API at /api, a walk created on it). The other
 * blocks configure other software (WordPress's PHP, Drupal's YAML and Twig,
 * the CSP header) and are not run here.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { createWalk, createWorkshop, fill, uniqueEmail, until } from '../test/helpers.js';

const GUIDE = new URL('../../../docs/webmasters.md', import.meta.url);

interface Block {
  readonly lang: string;
  readonly code: string;
}

async function blocks(): Promise<Block[]> {
  const text = await (await fetch(GUIDE)).text();
  return [...text.matchAll(/^ {0,2}```(\w+)\n([\s\S]*?)^ {0,2}```$/gm)].map((m) => ({ lang: m[1] as string, code: m[2] as string }));
}

/** The guide's addresses, made this test's (its project: the test API's, with a workshop open for sign-up). */
function localise(code: string, walkId: string, projectId = ''): string {
  return code
    .replaceAll('https://gusp.ville.fr/elements/gusp-elements.js', '/__bundle__/gusp-elements.js')
    .replaceAll('https://gusp.ville.fr/api', '/api')
    .replaceAll('V1StGXR8_Z5jdHi6B-myT', walkId)
    .replaceAll('RhB1eUeTs_LePlan2013', projectId);
}

/** The tags the guide shows. */
const TAGS = 'gusp-walk-list, gusp-walk-signup, gusp-issue-form, gusp-engagement-tracker, gusp-project';

/** A fragment (what a CMS block holds) becomes a page; a whole page stays as it is. */
const asPage = (code: string, extraHead = ''): string =>
  /<html[\s>]/.test(code)
    ? code.replace('</head>', `${extraHead}</head>`)
    : `<!doctype html><html lang="fr"><head><meta charset="utf-8">${code.includes('/__bundle__/') ? '' : '<script type="module" src="/__bundle__/gusp-elements.js"></script>'}${extraHead}</head><body>${code}</body></html>`;

async function open(srcdoc: string): Promise<Document> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="Page d’exemple" srcdoc=${srcdoc} style="inline-size: 800px; block-size: 900px"></iframe>`,
  );
  // Before the srcdoc loads, the frame holds an empty about:blank document, already complete.
  await until(() => frame.contentWindow?.location.href === 'about:srcdoc' && frame.contentDocument?.readyState === 'complete', 8000);
  return frame.contentDocument as Document;
}

const shadowText = (el: Element | null | undefined): string => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every GUSP element of the page shows its content: no « Chargement… », no « impossible ». */
async function rendered(doc: Document): Promise<Element[]> {
  const elements = [...doc.querySelectorAll(TAGS)];
  expect(elements.length).to.be.greaterThan(0);
  await until(() => elements.every((el) => !!el.shadowRoot?.querySelector('form, section h2, li.card, section h3')), 8000);
  for (const el of elements) expect(shadowText(el)).not.to.match(/Chargement|impossible de charger|ne peut pas être chargé/i);
  return elements;
}

afterEach(() => fixtureCleanup());

// The guide's pages load the all-in-one bundle, built when first asked for (web-test-runner.config.mjs): 8.6 s on a
// busy 2-core machine, past a page's 8 s wait. Built once here, with time for it.
before(async function () {
  this.timeout(60_000);
  await fetch('/__bundle__/gusp-elements.js');
});

describe('docs/webmasters.md, run as written', () => {
  it('has the blocks this test runs', async () => {
    const langs = (await blocks()).map((b) => b.lang);
    expect(langs.filter((l) => l === 'html').length).to.be.at.least(4);
    expect(langs).to.include.members(['css', 'js']);
  });

  it('every ```html block, loaded as a page, shows its elements with their data', async () => {
    const walkId = await createWalk();
    const { projectId } = await createWorkshop({ title: 'Atelier du guide' });
    for (const block of (await blocks()).filter((b) => b.lang === 'html')) {
      const doc = await open(asPage(localise(block.code, walkId, projectId)));
      const scripts = [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
      // A block with only a script tag of the site's own (the listening example) is run with the js block below.
      if (!doc.querySelector(TAGS)) {
        // The calendars' block is links only: each to a feed, for a calendar app (webcal:) or a download (https:).
        if (doc.querySelector('a[href^="webcal:"]')) {
          const links = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
          expect(links.length, block.code).to.be.greaterThan(0);
          for (const href of links)
            expect(href, block.code).to.match(/^(webcal|https):\/\/[^/]+\/api\/(quartiers\/[a-z0-9-]+\/)?walks\.ics$/);
          continue;
        }
        expect(scripts, block.code).to.deep.equal(['/__bundle__/gusp-elements.js', '/js/gusp-suivi.js']);
        continue;
      }
      const elements = await rendered(doc);
      for (const el of elements.filter((e) => e.localName === 'gusp-walk-signup')) {
        expect(shadowText(el), block.code).to.match(/Diagnostic en marchant – (Le Plan|Polygone|Fontbarlettes|Chamberlière|Valensolles)/);
      }
      for (const el of elements.filter((e) => e.localName === 'gusp-walk-list')) {
        expect(shadowText(el), block.code).to.match(/Prochains diagnostics en marchant/);
      }
      for (const el of elements.filter((e) => e.localName === 'gusp-project')) {
        expect(shadowText(el), block.code).to.match(/Réhabilitation des Bleuets.*Nous en sommes là.*Atelier du guide/);
      }
      fixtureCleanup();
    }
  });

  it('the ```css block restyles the elements: the charter’s colour on the buttons, its radius', async () => {
    const guide = await blocks();
    const page = guide.find((b) => b.lang === 'html' && /<html[\s>]/.test(b.code));
    const css = guide.find((b) => b.lang === 'css');
    expect(page && css).to.be.ok;
    const doc = await open(asPage(localise(page!.code, await createWalk()), `<style>${css!.code}</style>`));
    const [signup] = await rendered(doc);
    const button = signup!.shadowRoot!.querySelector('button[type="submit"]')!;
    const style = doc.defaultView!.getComputedStyle(button);
    expect(style.backgroundColor).to.equal('rgb(0, 0, 145)'); // --gusp-color-primary: #000091
    expect(style.borderTopLeftRadius).to.equal('0px'); // --gusp-radius: 0
  });

  it('the ```js block hears a sign-up made in the page, with its status and no personal data', async () => {
    const guide = await blocks();
    const listener = guide.find((b) => b.lang === 'js')!.code;
    const walkId = await createWalk();
    // The guide loads it from a file of the site; here it is the same code, inline.
    const head = `<script>window.heard = []; console.info = (...args) => window.heard.push(args);</script><script type="module">${listener}</script>`;
    const doc = await open(asPage(`<gusp-walk-signup endpoint="/api" walk-id="${walkId}"></gusp-walk-signup>`, head));
    const [signup] = await rendered(doc);
    fill(signup!.shadowRoot!, { name: 'Aïcha', email: uniqueEmail('docs'), consent: true });
    await (signup as HTMLElement & { submit(): Promise<void> }).submit();
    const win = doc.defaultView as unknown as { heard: unknown[][] };
    await until(() => win.heard.length > 0, 8000);
    expect(win.heard).to.deep.equal([['sign-up', walkId, 'confirmed']]);
  });
});
