// SPDX-License-Identifier: EUPL-1.2
import { html, nothing, type TemplateResult } from 'lit';

/** Attributes a heading may carry. */
export interface HeadingAttributes {
  readonly id?: string;
  readonly class?: string;
  readonly part?: string;
  readonly tabindex?: string;
}

/**
 * A native `<h1>`…`<h6>` at a level decided at run time (`heading-level`):
 * Lit cannot bind a tag name without its static templates, which cost more
 * than these six.
 */
export function heading(level: number, content: unknown, a: HeadingAttributes = {}): TemplateResult {
  const id = a.id ?? nothing;
  const cls = a.class ?? nothing;
  const part = a.part ?? nothing;
  const tabindex = a.tabindex ?? nothing;
  switch (level) {
    case 1:
      return html`<h1 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${cls} part=${part} tabindex=${tabindex}>${content}</h6>`;
  }
}

/** The level `depth` below a title at `base` (the `heading-level` attribute; 2 when unset or out of 1…6), at most 6. */
export function levelBelow(base: unknown, depth: number): number {
  const n = Number(base);
  return Math.min(6, (Number.isInteger(n) && n >= 1 && n <= 6 ? n : 2) + depth);
}
