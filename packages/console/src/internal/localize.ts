// SPDX-License-Identifier: EUPL-1.2
import { LocalizeController as SharedLocalizeController, type LocalizeHost } from '@gusp/elements/shared/localize.js';
import { consoleTexts, type ConsoleTexts } from '../translations/index.js';

export type { LocalizeHost };

/**
 * The language of one screen: the public elements' controller (`@gusp/elements/shared/localize.js`:
 * one observer for the page, `lang` on the screen or an ancestor, dates in that language, English the
 * British way), shown in the console's own languages: {@linkcode lang} is the asked language when the
 * console has it, else French, and {@linkcode texts} are its words.
 */
export class LocalizeController extends SharedLocalizeController {
  protected override shown = (asked: string): string => consoleTexts(asked).locale;
  protected override loadingOf = (): undefined => undefined;

  /** The console's words in {@linkcode lang}. */
  get texts(): ConsoleTexts {
    return consoleTexts(this.lang);
  }
}
