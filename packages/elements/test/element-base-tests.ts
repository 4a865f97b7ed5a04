// SPDX-License-Identifier: EUPL-1.2
/**
 * The tests every GUSP element passes, whatever it shows (Shoelace's
 * `runFormControlBaseTests` idea): its data by property, by inline JSON and
 * from `endpoint`; a changed attribute loads again; a failed load offers
 * « Réessayer », which loads; a change of language re-renders; axe finds
 * nothing in any of these states; `heading-level` sets its headings' levels;
 * a dark host page does not darken its light controls. Each element's test file calls
 * {@linkcode runElementBaseTests} with what tells its states apart.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { failNext, until } from './helpers.js';

/** What a GUSP element looks like from the outside, for the base tests. */
interface GuspElementLike extends HTMLElement {
  data: unknown;
  endpoint: string | undefined;
  readonly loaded: Promise<void>;
  readonly updateComplete: Promise<boolean>;
}

/** How one element is set up and read by the base tests. */
export interface BaseTestsConfig {
  readonly tag: string;
  /** Data to give by property or inline JSON. */
  readonly data: () => unknown;
  /** Its heading when it shows data, in French and in English. */
  readonly heading: { readonly fr: string; readonly en: string };
  /** What it says while it loads, in French (« Chargement du diagnostic… » by default). */
  readonly loading?: string;
  /** What it says when its data could not be loaded, in French (« Impossible de charger ce diagnostic pour le moment. » by default). */
  readonly loadFailed?: string;
  /** How many levels below its title its inner headings go at most (1 by default; a page with sections of cards, 2). */
  readonly headingDepth?: number;
  /** Attributes that make it load from the test API, and the path of the GET it then makes. */
  readonly fromApi: () => Promise<{ readonly attributes: Readonly<Record<string, string>>; readonly path: string }>;
  /** Another attribute value that must load other data, and what tells it is shown. */
  readonly change: () => Promise<{ readonly attribute: string; readonly value: string; readonly shown: (root: ShadowRoot) => boolean }>;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function runElementBaseTests(config: BaseTestsConfig): void {
  const heading = (el: Element): string => clean(el.shadowRoot?.querySelector('h2')?.textContent);

  /** The element built from markup, as a CMS page would write it. */
  async function make(markup: string, prop?: unknown): Promise<GuspElementLike> {
    const page = await fixture<HTMLDivElement>('<div></div>');
    page.innerHTML = markup;
    const el = page.firstElementChild as GuspElementLike;
    if (prop !== undefined) el.data = prop;
    await el.updateComplete;
    return el;
  }

  const withAttributes = (attributes: Readonly<Record<string, string>>): string =>
    `<${config.tag} ${Object.entries(attributes)
      .map(([k, v]) => `${k}="${v}"`)
      .join(' ')}></${config.tag}>`;

  describe(`${config.tag}: base tests`, () => {
    afterEach(() => fixtureCleanup());

    it('shows data given by property, and is accessible', async () => {
      const el = await make(`<${config.tag}></${config.tag}>`, config.data());
      expect(heading(el)).to.equal(config.heading.fr);
      await expect(el).to.be.accessible();
    });

    it('shows data given as inline JSON', async () => {
      const el = await make(`<${config.tag}><script type="application/json">${JSON.stringify(config.data())}</script></${config.tag}>`);
      expect(heading(el)).to.equal(config.heading.fr);
    });

    it('says so, with no retry button, when the inline JSON is not JSON', async () => {
      const el = await make(`<${config.tag}><script type="application/json">{ not json</script></${config.tag}>`);
      expect(clean(el.shadowRoot?.querySelector('[role=alert]')?.textContent)).to.equal(
        config.loadFailed ?? 'Impossible de charger ce diagnostic pour le moment.',
      );
      expect(el.shadowRoot?.querySelector('[part~=retry]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('loads from endpoint, and is accessible while loading and once loaded', async () => {
      const { attributes } = await config.fromApi();
      const el = await make(withAttributes(attributes));
      expect(clean(el.shadowRoot?.querySelector('[role=status]')?.textContent)).to.equal(config.loading ?? 'Chargement du diagnostic…');
      await expect(el).to.be.accessible();
      await el.loaded;
      expect(heading(el)).to.equal(config.heading.fr);
      await expect(el).to.be.accessible();
    });

    it('loads again when an attribute it loads from changes', async () => {
      const { attributes } = await config.fromApi();
      const el = await make(withAttributes(attributes));
      await el.loaded;
      const { attribute, value, shown } = await config.change();
      expect(shown(el.shadowRoot!), 'not shown before the change').to.equal(false);
      el.setAttribute(attribute, value);
      await el.updateComplete;
      await el.loaded;
      expect(shown(el.shadowRoot!)).to.equal(true);
    });

    it('offers « Réessayer » when loading failed, and retrying loads', async () => {
      const { attributes, path } = await config.fromApi();
      await failNext(path);
      const el = await make(withAttributes(attributes));
      await el.loaded;
      expect(clean(el.shadowRoot?.querySelector('[role=alert]')?.textContent)).to.equal(
        config.loadFailed ?? 'Impossible de charger ce diagnostic pour le moment.',
      );
      const retry = el.shadowRoot?.querySelector<HTMLButtonElement>('button[part~=retry]');
      expect(clean(retry?.textContent)).to.equal('Réessayer');
      await expect(el).to.be.accessible();
      retry!.click();
      await el.updateComplete;
      await el.loaded;
      expect(heading(el)).to.equal(config.heading.fr);
    });

    it('puts its title at heading-level, its inner headings one level below, and follows a change', async () => {
      const el = await make(`<${config.tag} heading-level="3"></${config.tag}>`, config.data());
      const levels = () => [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.localName[1]));
      expect(clean(el.shadowRoot?.querySelector('h3')?.textContent)).to.equal(config.heading.fr);
      expect(el.shadowRoot?.querySelector('h2')).to.equal(null);
      expect(Math.min(...levels())).to.equal(3);
      expect(Math.max(...levels())).to.be.at.most(3 + (config.headingDepth ?? 1));
      await expect(el).to.be.accessible();
      el.setAttribute('heading-level', '1');
      await el.updateComplete;
      expect(clean(el.shadowRoot?.querySelector('h1')?.textContent)).to.equal(config.heading.fr);
      expect(Math.max(...levels())).to.be.at.most(1 + (config.headingDepth ?? 1));
      el.setAttribute('heading-level', 'nine');
      await el.updateComplete;
      expect(heading(el)).to.equal(config.heading.fr);
    });

    it('keeps its light theme’s controls light on a host page with color-scheme: dark', async () => {
      const page = await fixture<HTMLDivElement>('<div style="color-scheme: dark"></div>');
      page.innerHTML = `<${config.tag}></${config.tag}>`;
      const el = page.firstElementChild as GuspElementLike;
      el.data = config.data();
      await el.updateComplete;
      expect(getComputedStyle(page).colorScheme).to.equal('dark');
      const controls = [...el.shadowRoot!.querySelectorAll('[part~=base], input, select')];
      expect(controls.length).to.be.above(0);
      expect([...new Set(controls.map((c) => getComputedStyle(c).colorScheme))]).to.deep.equal(['light']);
    });

    it('re-renders when its lang, or <html lang>, changes; its content says which language it is in', async () => {
      const root = document.documentElement;
      const before = root.getAttribute('lang');
      try {
        root.setAttribute('lang', 'fr');
        const el = await make(`<${config.tag}></${config.tag}>`, config.data());
        root.setAttribute('lang', 'en');
        // The content's `lang` too: a heading that is data (a project's title) reads the same in both.
        await until(() => heading(el) === config.heading.en && el.shadowRoot?.querySelector('[part~=base]')?.getAttribute('lang') === 'en');
        expect(el.shadowRoot?.querySelector('[part~=base]')?.getAttribute('lang')).to.equal('en');
        await expect(el).to.be.accessible();
        el.setAttribute('lang', 'ar');
        await until(() => heading(el) === config.heading.fr);
        const base = el.shadowRoot?.querySelector('[part~=base]');
        expect([base?.getAttribute('lang'), base?.getAttribute('dir')]).to.deep.equal(['fr', 'ltr']);
        await expect(el).to.be.accessible();
      } finally {
        if (before === null) root.removeAttribute('lang');
        else root.setAttribute('lang', before);
      }
    });
  });
}
