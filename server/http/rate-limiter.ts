export interface RateLimiter {
  /** Counts one attempt for `key`; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number;
}

/** A sliding-window limiter kept in memory: per process is enough for a per-user courtesy limit. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    hit(key) {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + windowMs - t) / 1000));
      }
      recent.push(t);
      hits.set(key, recent);
      return 0;
    },
  };
}
