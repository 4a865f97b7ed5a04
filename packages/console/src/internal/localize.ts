// SPDX-License-Identifier: EUPL-1.2
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consoleTexts, type ConsoleTexts } from '../translations/index.js';

/** What a {@linkcode LocalizeController} serves: a reactive host that is an element. */
export type LocalizeHost = ReactiveControllerHost & HTMLElement;

const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/**
 * One observer for the page (the Shoelace localize pattern, as in @gusp/elements): a `lang`
 * changing anywhere (`<html lang>` first of all) re-renders the screens whose language it changes.
 */
function watchDocument(): void {
  if (observer || typeof MutationObserver !== 'function') return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.recheck();
  });
  observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang'] });
}

/** The language asked for: the element's own `lang`, else the closest ancestor's (crossing shadow roots), else French. */
function requestedLanguage(element: Element): string {
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

/**
 * The language of one screen, resolved when it connects, updates, or a `lang` changes around it;
 * {@linkcode texts} are its words ({@linkcode lang}: the asked language when the console has it, else French).
 */
export class LocalizeController implements ReactiveController {
  lang = 'fr';
  texts: ConsoleTexts = consoleTexts('fr');

  constructor(private readonly host: LocalizeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    watchDocument();
    this.resolve();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  hostUpdate(): void {
    this.resolve();
  }

  recheck(): void {
    if (this.resolve()) this.host.requestUpdate();
  }

  /** Dates in {@linkcode lang} (British English for English, as the public elements write them). */
  date(value: string | number | Date, options: Intl.DateTimeFormatOptions): string {
    const locale = this.lang.toLowerCase().startsWith('en') ? 'en-GB' : this.lang;
    return new Intl.DateTimeFormat(locale, options).format(typeof value === 'string' ? new Date(value) : value);
  }

  private resolve(): boolean {
    const texts = consoleTexts(requestedLanguage(this.host));
    const changed = texts !== this.texts;
    this.texts = texts;
    this.lang = texts.locale;
    return changed;
  }
}
