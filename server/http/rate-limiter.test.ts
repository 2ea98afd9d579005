import { describe, expect, it } from 'vitest';
import { createFailureLimiter, createRateLimiter } from './rate-limiter';

describe('rate limiter', () => {
  it('allows `limit` hits per window, then says how long to wait', () => {
    let t = 0;
    const limiter = createRateLimiter(2, 60_000, () => t);
    expect(limiter.hit('u')).toBe(0);
    t = 10_000;
    expect(limiter.hit('u')).toBe(0);
    expect(limiter.hit('u')).toBe(50);
    expect(limiter.hit('other')).toBe(0);
    t = 60_001;
    expect(limiter.hit('u')).toBe(0);
  });
});

describe('failure limiter', () => {
  it('counts failures only and blocks once over the limit, until they age out', () => {
    let t = 0;
    const limiter = createFailureLimiter(3, 60_000, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('ip')).toBe(0);
      limiter.record('ip');
    }
    expect(limiter.retryAfter('ip')).toBe(60);
    expect(limiter.retryAfter('other')).toBe(0);
    t = 30_000;
    expect(limiter.retryAfter('ip')).toBe(30);
    t = 60_001;
    expect(limiter.retryAfter('ip')).toBe(0);
  });
});
