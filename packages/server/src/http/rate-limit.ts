// SPDX-License-Identifier: EUPL-1.2
/**
 * A per-client token bucket for public writes: `burst` requests at once, then
 * `perMinute` a minute. In memory, per process: enough to blunt a script
 * hammering one server; a shared limit across servers belongs in a proxy.
 */
export interface RateLimitOptions {
  readonly perMinute: number;
  readonly burst: number;
}

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
