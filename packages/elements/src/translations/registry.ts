// SPDX-License-Identifier: EUPL-1.2
/**
 * The elements' texts at run time. French, the reference, is in every bundle;
 * the other built-in languages (English) come in a chunk of their own per
 * element part, loaded with `import()` the first time a page asks for them,
 * so a French page never downloads a byte of English. Until a language has
 * arrived the element is shown in French (texts, dates and its content's
 * `lang` alike), then renders again in it. Languages added with
 * {@linkcode registerTranslation} are whole and need no loading.
 */
import { addMessages, type CataloguePart } from '@gusp/core';
import { common } from './fr/common.js';
import type { CommonTexts, Translation, TranslationPart } from './types.js';

const registered = new Map<string, Translation>();
const cache = new Map<string, unknown>();

/** Something an element speaks whose French is built in and whose other built-in languages may need loading. */
export interface OnDemand {
  /** The lowercase language tags it has built in, loaded or not. */
  readonly languages: readonly string[];
  /** Whether `lang` (a lowercase base tag) is there now. French always is. */
  has(lang: string): boolean;
  /** Whether loading `lang` failed (its chunk could not be fetched): not tried again, French stands in. */
  failed(lang: string): boolean;
  /** Loads `lang`; resolves at once when it is there, rejects when its chunk could not be loaded. */
  load(lang: string): Promise<void>;
}

/** What French is built in and the other built-in languages load on demand: the loading, once per language. */
abstract class OnDemandLanguages<T> implements OnDemand {
  private readonly pending = new Map<string, Promise<void>>();
  private readonly failures = new Set<string>();
  readonly languages: readonly string[];

  constructor(private readonly loaders: Readonly<Record<string, () => Promise<T>>>) {
    this.languages = ['fr', ...Object.keys(loaders)];
  }

  abstract has(lang: string): boolean;
  /** What arrived for `lang`: keep it. */
  protected abstract arrived(lang: string, value: T): void;

  failed(lang: string): boolean {
    return this.failures.has(lang);
  }

  load(lang: string): Promise<void> {
    const loader = this.loaders[lang];
    if (this.has(lang) || !loader) return Promise.resolve();
    let loading = this.pending.get(lang);
    if (!loading) {
      // A chunk that failed stays failed (the browser keeps the failed module): the element stays in French.
      loading = loader().then(
        (value) => {
          this.arrived(lang, value);
          cache.clear();
        },
        (error: unknown) => {
          this.failures.add(lang);
          throw error;
        },
      );
      this.pending.set(lang, loading);
    }
    return loading;
  }
}

/**
 * One part of the built-in languages (one element's texts): French given
 * here, each other language by a loader, typically `() => import('./en/…').then(…)`,
 * which the bundler turns into a chunk of its own.
 */
export class BuiltInTexts<K extends TranslationPart> extends OnDemandLanguages<Translation[K]> {
  private readonly texts: Map<string, Translation[K]>;

  constructor(
    readonly part: K,
    fr: Translation[K],
    loaders: Readonly<Record<string, () => Promise<Translation[K]>>>,
  ) {
    super(loaders);
    this.texts = new Map([['fr', fr]]);
  }

  has(lang: string): boolean {
    return this.texts.has(lang);
  }

  /** The texts of `lang` when they are there, else French. */
  get(lang: string): Translation[K] {
    return this.texts.get(lang) ?? this.texts.get('fr')!;
  }

  protected arrived(lang: string, texts: Translation[K]): void {
    this.texts.set(lang, texts);
  }
}

/**
 * The `@gusp/core` messages an element shows (validation errors, refusals of
 * the rules, labels): French is in the bundle, another built-in language comes
 * in a chunk whose domains are added to the core's catalogue (`addMessages`)
 * when it arrives. Where the core's English is in the bundle anyway (an
 * application's own build of `@gusp/elements`), the chunk adds the same texts.
 */
export class CoreMessages extends OnDemandLanguages<readonly CataloguePart[]> {
  private readonly loaded = new Set(['fr']);

  has(lang: string): boolean {
    return this.loaded.has(lang);
  }

  protected arrived(lang: string, parts: readonly CataloguePart[]): void {
    addMessages(lang, parts);
    this.loaded.add(lang);
  }
}

/** Adds (or replaces) a language: one file shaped like `fr.ts`. */
export function registerTranslation(translation: Translation): void {
  registered.set(translation.locale.toLowerCase(), translation);
  cache.clear();
}

/** The language registered under a lowercase tag, if any. */
export const registeredTranslation = (tag: string): Translation | undefined => registered.get(tag);

/**
 * The one fallback routine: `fr-BE` → `fr-be`, then `fr`; a language with no
 * texts → `undefined` (French). Returns the key of the texts to use (a
 * registered language wins over a built-in one).
 */
export function fallback(locale: string | undefined, has: (tag: string) => boolean): string | undefined {
  const tag = (locale ?? 'fr').toLowerCase();
  const base = tag.split('-')[0] ?? 'fr';
  return has(tag) ? tag : has(base) ? base : undefined;
}

/** The shared texts: every element speaks them. */
export const COMMON_TEXTS = /* @__PURE__ */ new BuiltInTexts('common', common, {
  en: () => import('./en/common.js').then((m) => m.common),
});

/** The parts `speaks` with the shared one, which every element has. */
const withCommon = (speaks: readonly OnDemand[]): readonly OnDemand[] => [COMMON_TEXTS, ...speaks];

const builtIn = (speaks: readonly OnDemand[]) => (tag: string) =>
  registered.has(tag) || withCommon(speaks).every((part) => part.languages.includes(tag));

/**
 * The language an element speaking `speaks` is shown in when `locale` is
 * asked for: `locale` itself when it (or its base language) has texts there
 * now, else `fr`. Dates, numbers and the content's `lang` follow it, so they
 * always match the texts.
 */
export function languageShown(locale: string | undefined, speaks: readonly OnDemand[] = []): string {
  const key = fallback(locale, builtIn(speaks));
  if (!locale || key === undefined) return 'fr';
  return registered.has(key) || withCommon(speaks).every((part) => part.has(key)) ? locale : 'fr';
}

/**
 * What must arrive before an element speaking `speaks` can be shown in
 * `locale`: `undefined` when nothing (French, a registered language, one
 * loaded already, one with no texts), else the loading of its chunks.
 */
export function languageLoading(locale: string | undefined, speaks: readonly OnDemand[] = []): Promise<void> | undefined {
  const key = fallback(locale, builtIn(speaks));
  if (key === undefined || registered.has(key)) return undefined;
  const missing = withCommon(speaks).filter((part) => !part.has(key) && !part.failed(key));
  return missing.length === 0 ? undefined : Promise.all(missing.map((part) => part.load(key))).then(() => undefined);
}

function pick<K extends TranslationPart>(texts: BuiltInTexts<K>, locale: string | undefined): Translation[K] {
  const key = fallback(locale, (tag) => registered.has(tag) || texts.has(tag)) ?? 'fr';
  return registered.get(key)?.[texts.part] ?? texts.get(key);
}

/** The shared texts and one element's part, in the language of `locale` (French for one not loaded yet). */
export function textsFor<K extends TranslationPart>(texts: BuiltInTexts<K>, locale: string | undefined): CommonTexts & Translation[K] {
  const key = `${texts.part}|${locale ?? ''}`;
  let found = cache.get(key) as (CommonTexts & Translation[K]) | undefined;
  if (!found) {
    found = { ...pick(COMMON_TEXTS, locale), ...pick(texts, locale) };
    cache.set(key, found);
  }
  return found;
}
