import type { RandomSource } from './clock';

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  giveUpAfterMs: number;
}

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^(n-1))) after the n-th failed
 * attempt, so many deliveries failing together do not come back together. A Retry-After from PagerDuty wins
 * when it asks for longer.
 */
export function retryDelayMs(
  policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>,
  failedAttempts: number,
  random: RandomSource,
  retryAfterMs: number | null,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** "2 h 5 min", "40 s", "850 ms": how long a delivery kept trying, for its failure sentence. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

export type RetryDecision = { retry: true; atMs: number } | { retry: false; detail: string };

/** After a retryable failure: when to try again, or give up once the delivery has been trying for too long. */
export function decideRetry(
  policy: RetryPolicy,
  input: { nowMs: number; enqueuedMs: number; attempts: number; retryAfterMs: number | null },
  random: RandomSource,
): RetryDecision {
  const elapsed = input.nowMs - input.enqueuedMs;
  if (elapsed >= policy.giveUpAfterMs) {
    const tries = input.attempts === 1 ? '1 attempt' : `${input.attempts} attempts`;
    return { retry: false, detail: `gave up after ${tries} over ${formatDuration(elapsed)}` };
  }
  return { retry: true, atMs: input.nowMs + retryDelayMs(policy, input.attempts, random, input.retryAfterMs) };
}
