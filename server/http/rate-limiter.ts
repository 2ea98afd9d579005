export interface RateLimiter {
  /** Counts one attempt for `key`; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number;
}

/** A sliding-window limiter kept in memory: per process is enough for a per-user courtesy limit. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const window = createFailureLimiter(limit, windowMs, now);
  return {
    hit(key) {
      const wait = window.retryAfter(key);
      if (!wait) window.record(key);
      return wait;
    },
  };
}

export interface FailureLimiter {
  /** Seconds `key` must wait because of its recent failures, else 0. Does not count anything. */
  retryAfter(key: string): number;
  record(key: string): void;
}

/** Counts failures only (e.g. wrong tokens per client address), so that guessing is slowed to a crawl. */
export function createFailureLimiter(limit: number, windowMs: number, now: () => number = Date.now): FailureLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, t: number) => (failures.get(key) ?? []).filter((at) => t - at < windowMs);
  return {
    retryAfter(key) {
      const t = now();
      const list = recent(key, t);
      if (list.length) failures.set(key, list);
      else failures.delete(key);
      return list.length >= limit ? Math.max(1, Math.ceil((list[list.length - limit]! + windowMs - t) / 1000)) : 0;
    },
    record(key) {
      const t = now();
      failures.set(key, [...recent(key, t), t]);
    },
  };
}
