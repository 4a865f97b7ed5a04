// SPDX-License-Identifier: EUPL-1.2
/**
 * A per-client token bucket for public writes: `burst` requests at once, then
 * `perMinute` a minute. In memory, per process: enough to blunt a script
 * hammering one server; a shared limit across servers belongs in a proxy.
 */
export interface RateLimitOptions {
  readonly perMinute: number;
  readonly burst: number;
  /**
   * Public sign-ups one client (IP) may make to one walk within
   * `signupWindowMinutes`, on top of the per-IP bucket: the bucket alone
   * (a burst of 60) let one script take every seat of a walk (25 by default)
   * and its waiting list in a second. None when unset or 0; staff with a
   * valid token are never limited.
   */
  readonly signupsPerClient?: number | undefined;
  /** The window of `signupsPerClient`, in minutes (60 by default). */
  readonly signupWindowMinutes?: number | undefined;
}

/**
 * The default of `signupsPerClient` (`--signups-per-client`): a household
 * signing up together, well below a walk's default capacity of 25. A centre
 * social signing a group up from one connection uses a staff token, or the
 * operator raises it.
 */
export const DEFAULT_SIGNUPS_PER_CLIENT = 4;

export interface RateLimiter {
  /** Takes one token for `key`: 0 when allowed, else the seconds to wait. */
  take(key: string, now?: number): number;
}

const MAX_KEYS = 50_000;

export function rateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = options.perMinute / 60_000;
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
      bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      // Re-insert: the Map's order becomes least recently used first.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
    },
  };
}

export interface WindowLimiter {
  /** Takes one of `limit` slots of the window for `key`: 0 when allowed, else the seconds until a slot frees up. */
  take(key: string, now?: number): number;
  /** Gives back the last slot taken for `key`: the request it was taken for did not sign anyone up. */
  giveBack(key: string): void;
}

/**
 * At most `limit` requests per key within a sliding window of `windowMs`: each
 * key keeps the times of its last `limit` requests. The slot is taken before the
 * request runs, so simultaneous requests cannot all slip under the limit, and
 * given back when it is refused (a typo must not count as a sign-up).
 */
export function windowLimiter(limit: number, windowMs: number): WindowLimiter {
  const times = new Map<string, number[]>();
  return {
    take(key, now = Date.now()) {
      const kept = (times.get(key) ?? []).filter((t) => now - t < windowMs);
      times.delete(key);
      times.set(key, kept);
      if (times.size > MAX_KEYS) times.delete(times.keys().next().value as string);
      if (kept.length < limit) {
        kept.push(now);
        return 0;
      }
      return Math.max(1, Math.ceil(((kept[0] as number) + windowMs - now) / 1000));
    },
    giveBack(key) {
      times.get(key)?.pop();
    },
  };
}
