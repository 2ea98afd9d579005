import { describe, expect, it } from 'vitest';
import { decideRetry, formatDuration, retryDelayMs } from './retry-policy';

const policy = { baseMs: 1000, maxMs: 300_000, giveUpAfterMs: 86_400_000 };

describe('retryDelayMs', () => {
  it('draws uniformly below base * 2^(n-1): the whole range, not a band around it (full jitter)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, () => 0.999999, null))).toEqual([999, 1999, 3999, 7999]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, () => 0.5, null))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(policy, 3, () => 0, null)).toBe(0);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(retryDelayMs(policy, 9, () => 0.999999, null)).toBe(255_999);
    expect(retryDelayMs(policy, 10, () => 0.999999, null)).toBe(299_999);
    expect(retryDelayMs(policy, 60, () => 0.999999, null)).toBe(299_999);
  });

  it('waits at least as long as Retry-After asks, and the jittered backoff when that is longer', () => {
    expect(retryDelayMs(policy, 1, () => 0.5, 30_000)).toBe(30_000);
    expect(retryDelayMs(policy, 10, () => 0.5, 30_000)).toBe(150_000);
    expect(retryDelayMs(policy, 1, () => 0.5, 0)).toBe(500);
  });
});

describe('decideRetry', () => {
  const start = 1_000_000;
  it('schedules the next attempt from now', () => {
    expect(
      decideRetry(policy, { nowMs: start + 5000, enqueuedMs: start, attempts: 2, retryAfterMs: null }, () => 0.5),
    ).toEqual({
      retry: true,
      atMs: start + 6000,
    });
  });

  it('gives up once the delivery has been trying for DELIVERY_GIVE_UP_AFTER_MS, saying how long and how often', () => {
    const decision = decideRetry(
      policy,
      { nowMs: start + 86_400_000, enqueuedMs: start, attempts: 301, retryAfterMs: null },
      () => 0.5,
    );
    expect(decision).toEqual({ retry: false, detail: 'gave up after 301 attempts over 24 h' });
    expect(
      decideRetry(
        policy,
        { nowMs: start + 86_399_999, enqueuedMs: start, attempts: 301, retryAfterMs: null },
        () => 0.5,
      ).retry,
    ).toBe(true);
  });

  it('says "1 attempt" when the only attempt came after the deadline', () => {
    const decision = decideRetry(
      { ...policy, giveUpAfterMs: 1000 },
      { nowMs: start + 1000, enqueuedMs: start, attempts: 1, retryAfterMs: null },
      () => 0.5,
    );
    expect(decision).toEqual({ retry: false, detail: 'gave up after 1 attempt over 1 s' });
  });
});

describe('formatDuration', () => {
  it('reads like a person wrote it', () => {
    expect([850, 40_000, 5 * 60_000, 7_500_000, 3_600_000].map(formatDuration)).toEqual([
      '850 ms',
      '40 s',
      '5 min',
      '2 h 5 min',
      '1 h',
    ]);
  });

  it('moves to the next unit exactly at its boundary', () => {
    expect([999, 1000, 59_499, 60_000].map(formatDuration)).toEqual(['999 ms', '1 s', '59 s', '1 min']);
  });
});
