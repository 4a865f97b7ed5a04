// SPDX-License-Identifier: EUPL-1.2
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageLoading, languageShown, type OnDemand } from '../translations/registry.js';
import { intlLocale } from './format-date.js';

/** Base languages written right to left: their texts get `dir="rtl"`. */
const RTL = ['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi'];

/** What a {@linkcode LocalizeController} serves: a Lit element, or any reactive host that is an element. */
export type LocalizeHost = ReactiveControllerHost & HTMLElement;

/** Every connected controller; one observer serves them all (the Shoelace localize pattern). */
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/**
 * A `lang` or `dir` changing anywhere in the light DOM (`<html lang>` first of
 * all) re-renders the elements whose language it changes. One observer for the
 * page, filtered on those two attributes, so it costs nothing otherwise.
 */
function watchDocument(): void {
  if (observer || typeof MutationObserver !== 'function') return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.recheck();
  });
  observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
}

/** A language was added or replaced: every element on the page renders again, in it if asked for. */
export function retranslateAll(): void {
  for (const controller of connected) controller.retranslate();
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
 * The language of one element, decided once per change instead of at every
 * render: what the page asks for (`lang` on the element or an ancestor), and
 * what it is actually shown in ({@linkcode lang}: the asked language when its
 * texts exist, else French). Texts, dates and numbers all use {@linkcode lang},
 * and the element's content carries it with its {@linkcode dir}, so a French
 * fallback on an Arabic page still reads left to right with French punctuation.
 */
export class LocalizeController implements ReactiveController {
  /** The BCP 47 tag the element's content is in. */
  lang = 'fr';
  /** The writing direction of {@linkcode lang}. */
  dir: 'ltr' | 'rtl' = 'ltr';
  /**
   * The chunks of the language asked for, while they load (the element is
   * shown in French meanwhile, then renders again in it); `undefined` otherwise.
   */
  loading: Promise<void> | undefined;
  /**
   * The language shown for the one asked (and the texts still loading for it): the elements'
   * translations (`translations/registry.ts`). Another GUSP package composing this controller
   * (`@gusp/console`, through `@gusp/elements/shared/localize.js`) overrides both with its own.
   */
  protected shown: (asked: string, speaks: readonly OnDemand[]) => string = languageShown;
  protected loadingOf: (asked: string, speaks: readonly OnDemand[]) => Promise<void> | undefined = languageLoading;

  /**
   * @param speaks The texts the element speaks beyond the shared ones (its
   *   part of the translations): what must be loaded before it is shown in a
   *   built-in language other than French.
   */
  constructor(
    private readonly host: LocalizeHost,
    private readonly speaks: () => readonly OnDemand[] = () => [],
  ) {
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

  /** The element's own `lang` is a reactive property: every update resolves again (cheap, no re-render by itself). */
  hostUpdate(): void {
    this.resolve();
  }

  /** Called by the shared observer: re-renders only when this element's language changed. */
  recheck(): void {
    if (this.resolve()) this.host.requestUpdate();
  }

  /** Resolves the language again and re-renders, whether it changed or not (its texts may have). */
  retranslate(): void {
    this.resolve();
    this.host.requestUpdate();
  }

  /** Intl formatting in {@linkcode lang}: the same language as the texts around it, English the British way throughout. */
  date(value: Date | number | string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(intlLocale(this.lang), options).format(typeof value === 'string' ? new Date(value) : value);
  }

  /** The loading {@linkcode loading} waits for. */
  private waitingFor: Promise<void> | undefined;

  private resolve(): boolean {
    const asked = requestedLanguage(this.host);
    const speaks = this.speaks();
    const loading = this.loadingOf(asked, speaks);
    if (loading && loading !== this.waitingFor) {
      this.waitingFor = loading;
      this.loading = loading.then(
        () => {
          if (this.waitingFor !== loading) return;
          this.loading = this.waitingFor = undefined;
          this.recheck();
        },
        () => {
          // Its chunk could not be loaded (offline): the element stays in French.
          if (this.waitingFor === loading) this.loading = undefined;
        },
      );
    } else if (!loading) {
      this.loading = this.waitingFor = undefined;
    }
    const lang = this.shown(asked, speaks);
    const dir = RTL.includes(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
    const changed = lang !== this.lang || dir !== this.dir;
    this.lang = lang;
    this.dir = dir;
    return changed;
  }
}
