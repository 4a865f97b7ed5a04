// SPDX-License-Identifier: EUPL-1.2
import { LitElement, type CSSResultGroup } from 'lit';
import { registerTranslation, type OnDemand } from '../translations/registry.js';
import type { CommonTexts, Translation } from '../translations/types.js';
import { levelBelow } from './heading.js';
import { LocalizeController, retranslateAll } from './localize.js';

/**
 * What every GUSP element shares: its language (`lang` attribute, else the
 * closest `[lang]` ancestor, else French) and the `endpoint` of the API.
 */
export abstract class GuspElement extends LitElement {
  static override properties = {
    endpoint: { type: String },
    // Observed under another name so the native `lang` property keeps working.
    langAttribute: { type: String, attribute: 'lang' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /**
   * Adds (or replaces) a language for every GUSP element, reachable from the
   * one-tag bundle, which exports nothing to a plain page:
   * `customElements.get('gusp-walk-signup').registerTranslation({ locale: 'es', … })`.
   * Elements already on the page render again, in it when it is theirs.
   */
  static registerTranslation(translation: Translation): void {
    registerTranslation(translation);
    retranslateAll();
  }

  /**
   * The texts each element speaks beyond the shared ones (its part of the
   * translations, the core's messages it shows): French is in its bundle,
   * another built-in language is loaded when a page asks for it.
   */
  static speaks: readonly OnDemand[] = [];

  /** Each element's styles, set by its class: the `--gusp-…` tokens, then its own rules. */
  declare static styles?: CSSResultGroup;

  /**
   * Base URL of the GUSP API (`https://gusp.example.fr/api`). With it, the
   * element loads its data and sends what people submit; without it, data
   * comes from the `data` property or a child `<script type="application/json">`
   * and submissions only fire events.
   */
  declare endpoint: string | undefined;
  /**
   * The language (`lang` attribute, BCP 47: `fr`, `en`, `fr-BE`…); without it,
   * the closest `[lang]` ancestor's, else French. Observed under this name so
   * the native `lang` property keeps working.
   */
  declare langAttribute: string | undefined;
  /**
   * The level of the element's title, 1 to 6 (`heading-level="3"` under a
   * page's `<h2>`); its inner headings follow one level below. 2 by default.
   */
  declare headingLevel: number | undefined;

  /** Language and direction, kept up to date with `lang` on the element, its ancestors and `<html>`. */
  protected readonly localize = new LocalizeController(this, () => (this.constructor as typeof GuspElement).speaks);

  /**
   * Resolves once the element has rendered, in the language asked for when
   * its texts had to be loaded first (or in French, if they could not be).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.localize.loading) {
      await this.localize.loading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /**
   * The BCP 47 language the element speaks now: the one asked for (`lang` on
   * the element or an ancestor) when its texts exist, else French.
   */
  get locale(): string {
    return this.localize.lang;
  }

  /** The element's texts in {@linkcode locale}; each element adds its own part (see `textsFor`). */
  protected abstract get t(): CommonTexts;

  /** The level of a heading `depth` below the element's title (0: the title itself). */
  protected level(depth = 0): number {
    return levelBelow(this.headingLevel, depth);
  }

  /** `endpoint` without a trailing slash, or `undefined`. */
  protected get apiBase(): string | undefined {
    const base = this.endpoint?.trim();
    return base ? base.replace(/\/+$/, '') : undefined;
  }
}
