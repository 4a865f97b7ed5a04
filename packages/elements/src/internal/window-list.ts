// SPDX-License-Identifier: EUPL-1.2
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 8;
/** Rows rendered before anything is measured: enough to fill a tall screen. */
const FIRST_WINDOW = 24;

/**
 * Windowing for a long list in the page's flow: only the rows in (or near)
 * the viewport are rendered, the others are stood in for by padding of their
 * estimated height, so 10,000 engagements cost what 40 do. It follows any
 * scroll (window or an ancestor; `scroll` is listened to in the capture phase)
 * and renders every row while the page is printed.
 *
 * A few hundred bytes instead of @lit-labs/virtualizer (~9 kB gz): rows keep
 * their natural height and the estimate is the mean of the rendered ones.
 */
export class WindowList implements ReactiveController {
  /** First rendered index. */
  start = 0;
  /** One past the last rendered index. */
  end = FIRST_WINDOW;
  private rowHeight = 0;
  private frame = 0;
  private printing = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The list element (inside the host's shadow root), once rendered. */
    private readonly list: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  private readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(this.measure);
  };
  private readonly beforePrint = (): void => {
    this.printing = true;
    // Printing lays the page out right after `beforeprint`: render every row now, not on the next frame.
    this.host.requestUpdate();
    (this.host as unknown as { performUpdate(): void }).performUpdate();
  };
  private readonly afterPrint = (): void => {
    this.printing = false;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    addEventListener('scroll', this.schedule, { capture: true, passive: true });
    addEventListener('resize', this.schedule, { passive: true });
    addEventListener('beforeprint', this.beforePrint);
    addEventListener('afterprint', this.afterPrint);
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.schedule);
    removeEventListener('beforeprint', this.beforePrint);
    removeEventListener('afterprint', this.afterPrint);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostUpdated(): void {
    this.schedule();
  }

  /** The slice of `items` to render now, and the padding standing in for the others. */
  window<T>(items: readonly T[]): { rows: readonly T[]; offset: number; before: number; after: number } {
    if (this.printing) return { rows: items, offset: 0, before: 0, after: 0 };
    const end = Math.min(this.end, items.length);
    const start = Math.min(this.start, end);
    const h = this.rowHeight || 100;
    return { rows: items.slice(start, end), offset: start, before: start * h, after: (items.length - end) * h };
  }

  /** Measures the rendered rows, then renders the range the viewport needs if it changed. */
  private readonly measure = (): void => {
    this.frame = 0;
    const list = this.list();
    if (!list || this.printing) return;
    const rows = list.children;
    if (rows.length > 0) {
      const first = rows[0]!.getBoundingClientRect();
      const last = rows[rows.length - 1]!.getBoundingClientRect();
      this.rowHeight = (last.bottom - first.top) / rows.length || this.rowHeight;
    }
    const count = Number(list.dataset.count ?? 0);
    const h = this.rowHeight || 100;
    const top = list.getBoundingClientRect().top;
    const from = Math.max(0, Math.floor(-top / h) - OVERSCAN);
    const to = Math.min(count, Math.max(from, Math.ceil((innerHeight - top) / h)) + OVERSCAN);
    // Keep at least the first window while the list is below the fold, so something is always there.
    const start = to <= from ? 0 : from;
    const end = to <= from ? Math.min(count, FIRST_WINDOW) : to;
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      this.host.requestUpdate();
    }
  };
}
