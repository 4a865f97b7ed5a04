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
 * than these six (the same helper as @gusp/elements').
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
