// SPDX-License-Identifier: EUPL-1.2
/**
 * When an outbox tries again by itself: on `online`, when the page is shown or
 * focused again, and, while something still waits after an attempt, after 2,
 * 4, 8… 64 s (not while the browser says it is offline: `online` will come).
 * The `online` event alone is not enough: it can come before requests go
 * through again (a network changing, Chromium's offline mode turned off), the
 * attempt it starts fails, and no other event follows.
 */
export interface Retry {
  /** Starts (`true`) or stops listening; stopping also drops the timer. */
  listen(on: boolean): void;
  /** After an attempt: something still waits (`true`: tried again later, each time twice as late) or not. */
  after(waiting: boolean): void;
}

export function retry(run: () => void): Retry {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 2000;
  const after = (waiting: boolean) => {
    clearTimeout(timer);
    if (!waiting) delay = 2000;
    else if (navigator.onLine) {
      timer = setTimeout(run, delay);
      delay = Math.min(delay * 2, 64_000);
    }
  };
  return {
    after,
    listen(on) {
      const method = on ? 'addEventListener' : 'removeEventListener';
      // Hidden, a flush costs nothing more than a timer's: no need to read the visibility.
      for (const type of ['online', 'focus', 'visibilitychange']) window[method](type, run);
      if (!on) after(false);
    },
  };
}
