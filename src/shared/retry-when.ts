import { formatRetryWhen } from './format';

/** Seconds -> "in 30 seconds (at 10:31:05 AM UTC)": the one date formatter, with the clock to count from. */
export function retryWhen(retryAfter: number | undefined, now: Date = new Date()): string {
  return formatRetryWhen(retryAfter, { now });
}
