// SPDX-License-Identifier: EUPL-1.2
/**
 * English on demand: an element asked for a built-in language whose texts
 * are not loaded yet shows French (texts and `lang` alike, never an empty
 * shadow root or a raw key) until they arrive, then renders in it; its
 * `updateComplete` waits for them. A chunk that cannot be loaded leaves it in French.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { GuspElement } from '../internal/gusp-element.js';
import { BuiltInTexts, textsFor } from './registry.js';
import { walkList as frWalkList } from './fr/walk-list.js';
import { walkList as enWalkList } from './en/walk-list.js';
import type { CommonTexts, WalkListTexts } from './types.js';

/** A loader the test answers itself: the English chunk "arrives" when it says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let chunk = deferred<WalkListTexts>();
let loads = 0;
const TEXTS = new BuiltInTexts('walkList', frWalkList, {
  en: () => {
    loads++;
    return chunk.promise;
  },
});

class XOnDemand extends GuspElement {
  static override speaks = [TEXTS];
  protected get t(): CommonTexts & WalkListTexts {
    return textsFor(TEXTS, this.locale);
  }
  override render() {
    return litHtml`<div part="base" lang=${this.localize.lang}><h2>${this.t.listHeading}</h2><p>${this.t.retry}</p></div>`;
  }
}
customElements.define('x-on-demand', XOnDemand);

const shown = (el: Element) => ({
  lang: el.shadowRoot!.querySelector('[part~=base]')?.getAttribute('lang'),
  heading: el.shadowRoot!.querySelector('h2')?.textContent,
  retry: el.shadowRoot!.querySelector('p')?.textContent,
});

afterEach(() => fixtureCleanup());

describe('built-in languages loaded on demand', () => {
  it('shows French until the English texts arrive, then English; updateComplete waits for them', async () => {
    const el = document.createElement('x-on-demand') as XOnDemand;
    el.setAttribute('lang', 'en');
    document.body.append(el);
    try {
      // The first render does not wait for the chunk: French, said to be French.
      await new Promise((r) => requestAnimationFrame(r));
      expect(shown(el)).to.deep.equal({ lang: 'fr', heading: frWalkList.listHeading, retry: 'Réessayer' });
      expect(el.locale).to.equal('fr');
      let complete = false;
      void el.updateComplete.then(() => (complete = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(complete, 'updateComplete waits for the English texts').to.equal(false);
      chunk.resolve(enWalkList);
      await el.updateComplete;
      // The shared texts (« Réessayer ») came in their own chunk, the real one.
      expect(shown(el)).to.deep.equal({ lang: 'en', heading: enWalkList.listHeading, retry: 'Try again' });
      expect(loads).to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('does not load again once loaded: a second element is in English at its first update', async () => {
    const el = await fixture<XOnDemand>(html`<x-on-demand lang="en-GB"></x-on-demand>`);
    expect(shown(el).heading).to.equal(enWalkList.listHeading);
    expect(shown(el).lang).to.equal('en-GB');
    expect(loads).to.equal(1);
  });

  it('stays in French when the chunk cannot be loaded (offline), without waiting forever', async () => {
    chunk = deferred<WalkListTexts>();
    const failing = new BuiltInTexts('walkList', frWalkList, { en: () => chunk.promise });
    class XFailing extends XOnDemand {
      static override speaks = [failing];
      protected override get t(): CommonTexts & WalkListTexts {
        return textsFor(failing, this.locale);
      }
    }
    customElements.define('x-on-demand-failing', XFailing);
    const el = document.createElement('x-on-demand-failing') as XFailing;
    el.setAttribute('lang', 'en');
    document.body.append(el);
    try {
      chunk.reject(new Error('Failed to fetch dynamically imported module'));
      await el.updateComplete;
      expect(shown(el)).to.deep.equal({ lang: 'fr', heading: frWalkList.listHeading, retry: 'Réessayer' });
    } finally {
      el.remove();
    }
  });
});
