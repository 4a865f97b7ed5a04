// SPDX-License-Identifier: EUPL-1.2
/**
 * One-tag embedding: a plain HTML page with nothing but the bundle's script
 * tag and `<gusp-walk-signup>` with inline JSON (test/pages/plain-page.html)
 * works in Chromium. The bundle is built by scripts/bundle.mjs, as for release.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { until } from '../../test/helpers.js';

// axe is loaded lazily by the first audit; keep its URL findable in resource timing.
performance.setResourceTimingBufferSize(10_000);

const PAGE = new URL('../../test/pages/plain-page.html', import.meta.url).href;

async function openPage(): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="Page d’un site de ville" src=${PAGE} style="inline-size: 400px; block-size: 900px"></iframe>`,
  );
  await until(() => !!frame.contentDocument?.querySelector('gusp-walk-signup')?.shadowRoot?.querySelector('form'), 8000);
  return { frame, doc: frame.contentDocument as Document };
}

interface AxeResults {
  violations: { id: string }[];
  passes: { id: string }[];
}
type AxeWindow = Window & { axe?: { run(context: Element): Promise<AxeResults> } };

/**
 * Runs axe-core inside the page itself: axe cannot audit nodes of another
 * document, so the axe build this test page loaded is loaded into the frame too.
 */
async function auditInPage(doc: Document, element: Element): Promise<AxeResults> {
  const win = doc.defaultView as AxeWindow;
  if (!win.axe) {
    const loaded = performance.getEntriesByType('resource').find((e) => /\/axe-core\/axe(\.min)?\.js/.test(e.name));
    if (!loaded) throw new Error('axe-core is not loaded in the test page');
    const script = doc.createElement('script');
    script.src = loaded.name;
    const ready = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    doc.head.append(script);
    await ready;
  }
  return win.axe!.run(element);
}

afterEach(() => fixtureCleanup());

// The bundle is built when first asked for (web-test-runner.config.mjs): the all-in-one's build, six elements and
// their chunks, took 8.6 s on a busy 2-core machine, past the first test's wait. Built once here, with time for it.
before(async function () {
  this.timeout(60_000);
  await fetch('/__bundle__/gusp-elements.js');
});

describe('the self-contained bundle on a plain HTML page', () => {
  it('is accessible (axe, run in the page)', async () => {
    const { frame, doc } = await openPage();
    // The frame in this page (which also loads axe here), then the page inside it.
    await expect(frame).to.be.accessible();
    const results = await auditInPage(doc, doc.querySelector('gusp-walk-signup')!);
    expect(results.violations.map((v) => v.id)).to.deep.equal([]);
    expect(results.passes.map((p) => p.id)).to.include.members(['label', 'color-contrast']);
  });

  it('registers the tags and shows the walk from the inline JSON', async () => {
    const { doc } = await openPage();
    const win = doc.defaultView as Window & typeof globalThis;
    const tags = [
      'gusp-walk-signup',
      'gusp-walk-list',
      'gusp-issue-form',
      'gusp-engagement-tracker',
      'gusp-project',
      'gusp-workshop-signup',
    ];
    expect(tags.filter((tag) => !win.customElements.get(tag))).to.deep.equal([]);
    const root = doc.querySelector('gusp-walk-signup')!.shadowRoot!;
    const text = (selector: string) => (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(text('h2')).to.equal('Diagnostic en marchant – Fontbarlettes');
    expect(text('.when')).to.equal('samedi 14 mars 2099, de 9 h à 13 h');
    expect(text('.seats')).to.equal('Il reste 7 places');
  });
});

describe('the bundle under a strict Content-Security-Policy', () => {
  it('renders the tracker, and its long list scrolls to the last row, with no violation', async () => {
    const { engagement } = await import('../../test/fixtures.js');
    const { valence } = await import('@gusp/core');
    const engagements = Array.from({ length: 600 }, (_, i) => engagement({ title: `Engagement CSP n° ${i + 1}` }));
    const json = JSON.stringify({ engagements, city: valence }).replace(/</g, '\\u003c');
    // No 'unsafe-inline', no 'unsafe-eval': what a cautious city's site sends.
    const csp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:";
    const srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<script type="module" src="/__bundle__/gusp-engagement-tracker.js"></script></head>
<body><gusp-engagement-tracker><script type="application/json">${json}</script></gusp-engagement-tracker></body></html>`;
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe title="Page sous CSP" srcdoc=${srcdoc} style="inline-size: 600px; block-size: 600px"></iframe>`,
    );
    const violations: string[] = [];
    frame.contentWindow!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const tracker = () => frame.contentDocument?.querySelector('gusp-engagement-tracker');
    await until(() => (tracker()?.shadowRoot?.querySelectorAll('.item').length ?? 0) > 0, 8000);
    const doc = frame.contentDocument as Document;
    const lastShown = () =>
      [...(tracker()!.shadowRoot!.querySelectorAll('.item h3') ?? [])].some((h) => h.textContent?.trim() === 'Engagement CSP n° 600');
    // Scroll to the bottom, step by step as a person would, until the last row is rendered.
    for (let i = 0; i < 60 && !lastShown(); i++) {
      doc.scrollingElement!.scrollTop = doc.scrollingElement!.scrollHeight;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(lastShown(), 'the last of 600 rows is reachable').to.equal(true);
    expect(violations).to.deep.equal([]);
  });
});

describe('a language added to the one-tag bundle', () => {
  it('is registered through the element class, as docs/webmasters.md shows, and the element on the page speaks it', async () => {
    const { doc } = await openPage();
    const { en } = await import('../translations/index.js');
    const win = doc.defaultView as Window & typeof globalThis;
    const el = doc.querySelector('gusp-walk-signup')!;
    const heading = () => (el.shadowRoot!.querySelector('h2, h3')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    el.setAttribute('lang', 'es');
    await until(() => el.shadowRoot!.querySelector('[part~=base]')?.getAttribute('lang') === 'fr');
    expect(heading()).to.equal('Diagnostic en marchant – Fontbarlettes');
    const GuspWalkSignup = win.customElements.get('gusp-walk-signup') as CustomElementConstructor & {
      registerTranslation?: (translation: unknown) => void;
    };
    expect(typeof GuspWalkSignup.registerTranslation).to.equal('function');
    GuspWalkSignup.registerTranslation!({
      ...en,
      locale: 'es',
      walkSignup: { ...en.walkSignup, walkHeading: (quartier: string) => `Diagnóstico de barrio – ${quartier}` },
    });
    await until(() => heading() === 'Diagnóstico de barrio – Fontbarlettes');
    expect(el.shadowRoot!.querySelector('[part~=base]')?.getAttribute('lang')).to.equal('es');
    // The same registry serves the other elements of the bundle.
    expect(typeof (win.customElements.get('gusp-issue-form') as unknown as { registerTranslation?: unknown }).registerTranslation).to.equal(
      'function',
    );
  });
});

describe('the bundle’s languages: French inline, English fetched only by an English page', () => {
  const chunksLoaded = (frame: HTMLIFrameElement) =>
    frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((path) => path.startsWith('/__bundle__/chunks/'));

  it('a French page downloads no chunk', async () => {
    const { frame } = await openPage();
    expect(chunksLoaded(frame)).to.deep.equal([]);
  });

  it('an English page shows the element in French or English while its chunks arrive, never empty or raw keys, then English', async () => {
    const page = await (await fetch(PAGE)).text();
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe
        title="English page"
        srcdoc=${page.replace('<html lang="fr">', '<html lang="en">')}
        style="inline-size: 400px; block-size: 900px"
      ></iframe>`,
    );
    const seen = new Set<string>();
    const heading = () => {
      const el = frame.contentDocument?.querySelector('gusp-walk-signup');
      const h = el?.shadowRoot?.querySelector('h2');
      return h ? `${h.closest('[lang]')?.getAttribute('lang')}: ${(h.textContent ?? '').replace(/\s+/g, ' ').trim()}` : undefined;
    };
    await until(() => {
      const now = heading();
      if (now !== undefined) seen.add(now);
      return now === 'en: Neighbourhood walk – Fontbarlettes';
    }, 8000);
    expect(
      [...seen].filter((s) => s !== 'fr: Diagnostic en marchant – Fontbarlettes' && s !== 'en: Neighbourhood walk – Fontbarlettes'),
    ).to.deep.equal([]);
    const root = frame.contentDocument!.querySelector('gusp-walk-signup')!.shadowRoot!;
    expect((root.querySelector('button[type=submit]')?.textContent ?? '').trim()).to.equal('Sign me up');
    // Its own part and the shared texts, in chunks.
    expect(chunksLoaded(frame).length).to.be.at.least(2);
  });
});
