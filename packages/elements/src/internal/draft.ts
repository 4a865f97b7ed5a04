// SPDX-License-Identifier: EUPL-1.2

/**
 * What a person started typing, kept in `localStorage` so that a reload or a
 * crash loses nothing. Cleared once the form is sent. Storage may be disabled
 * or full (private browsing, quotas): then drafts are silently not kept.
 */
export class Draft<T extends object> {
  constructor(private readonly key: string) {}

  load(): Partial<T> | undefined {
    try {
      const text = globalThis.localStorage?.getItem(this.key);
      const value: unknown = text ? JSON.parse(text) : undefined;
      return value && typeof value === 'object' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  save(value: T): void {
    try {
      globalThis.localStorage?.setItem(this.key, JSON.stringify(value));
    } catch {
      // Storage unavailable: the form still works, without a draft.
    }
  }

  clear(): void {
    try {
      globalThis.localStorage?.removeItem(this.key);
    } catch {
      // Nothing to clear.
    }
  }
}
