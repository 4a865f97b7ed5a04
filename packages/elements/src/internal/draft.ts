// SPDX-License-Identifier: EUPL-1.2

/**
 * How long a draft is offered back after its last change: long enough for a
 * reload or the next morning, short enough that on a shared computer (a centre
 * social's, a library's) the next person is not shown someone's name, phone
 * or health-related needs.
 */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * What a person started typing, kept in `localStorage` as
 * `{ savedAt, values }` so that a reload or a crash loses nothing; removed
 * once the form is sent or cleared, and on load once it is older than
 * {@linkcode DRAFT_LIFETIME_MS} (or has no date, as drafts of older versions).
 * Storage may be disabled or full (private browsing, quotas): then drafts are
 * silently not kept.
 */
export class Draft<T extends object> {
  constructor(private readonly key: string) {}

  load(): Partial<T> | undefined {
    try {
      const text = globalThis.localStorage?.getItem(this.key);
      const draft = text ? (JSON.parse(text) as { savedAt?: unknown; values?: unknown } | null) : undefined;
      const age = Date.now() - Number(draft?.savedAt);
      // NaN (no date) or a date from the future fail this test too: they are removed, never shown.
      if (age >= 0 && age < DRAFT_LIFETIME_MS && draft?.values && typeof draft.values === 'object') return draft.values;
    } catch {
      // Unreadable: removed like an expired one.
    }
    this.clear();
    return undefined;
  }

  save(values: T): void {
    try {
      globalThis.localStorage?.setItem(this.key, JSON.stringify({ savedAt: Date.now(), values }));
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
