// SPDX-License-Identifier: EUPL-1.2
/** Declarations of rules-bundle.mjs, for the core's test. */
export declare const RULES_BUNDLE_BUDGET_GZ: number;
export declare const RULES_APP: string;
export declare const ALL_RULES_APP: string;
export interface RulesBundleMeasure {
  /** Minified bytes. */
  readonly raw: number;
  /** gzip -9 bytes. */
  readonly gz: number;
  /** Bytes in the output per input file, largest first. */
  readonly inputs: Readonly<Record<string, number>>;
  /** Catalogue texts (fr, en) found in the bundle. */
  readonly messagesFound: readonly string[];
  /** How many catalogue texts were looked for. */
  readonly textsChecked: number;
}
export declare function measureRulesBundle(options?: { app?: string; conditions?: string[] }): Promise<RulesBundleMeasure>;
export declare function catalogueTexts(options?: { conditions?: string[]; minLength?: number }): Promise<string[]>;
