// SPDX-License-Identifier: EUPL-1.2
export declare const CHROMIUM_CANDIDATES: readonly string[];
export declare function findChromium(): string | undefined;
export declare const CHROMIUM_HELP: string;
export declare function chromiumPath(): string;
export declare const CHROMIUM_ARGS: readonly string[];
