// SPDX-License-Identifier: EUPL-1.2

/**
 * The language of an element: its own `lang` attribute, else the closest
 * ancestor's (crossing shadow roots, so an element inside another component
 * follows the page), else French.
 */
export function resolveLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'fr';
}
