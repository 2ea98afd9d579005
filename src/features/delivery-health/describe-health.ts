import type { DeliveryHealth, PagerDutyFailureCode } from '../../api/contract';
import { formatClock } from '../../shared/format';

/** What gets a failing key delivering again. */
export type WayOut = 'key' | 'connect' | 'event' | 'wait';

export interface HealthView {
  tone: 'success' | 'error' | 'neutral';
  title: string;
  reason: string | null;
  wayOut: WayOut | null;
}

const wayOutFor: Record<PagerDutyFailureCode, WayOut> = {
  invalid_key: 'key',
  not_connected: 'connect',
  invalid_event: 'event',
  rate_limited: 'wait',
  pagerduty_error: 'wait',
  unreachable: 'wait',
  timeout: 'wait',
};

/** The one line a manager reads to know whether alerts go out, and what to do when they do not. */
export function describeHealth(health: DeliveryHealth, now: Date = new Date()): HealthView {
  if (health.state === 'no_deliveries')
    return { tone: 'neutral', title: 'No deliveries yet', reason: null, wayOut: null };
  if (health.state === 'ok') {
    const at = health.last_success_at ?? health.last_attempt_at;
    return {
      tone: 'success',
      title: at ? `Delivering — last success ${formatClock(at, { now })}` : 'Delivering',
      reason: null,
      wayOut: null,
    };
  }
  const at = health.last_failure_at ?? health.last_attempt_at;
  const when = at ? formatClock(at, { now }) : null;
  // Only the latest failure's time is known: "since" is true only when it is the first of the streak.
  const title =
    health.consecutive_failures > 1
      ? `Failing — ${health.consecutive_failures} failed deliveries in a row${when ? `, the last at ${when}` : ''}`
      : `Failing since ${when ?? 'the last delivery'}`;
  return {
    tone: 'error',
    title,
    reason: health.last_failure?.detail ?? null,
    wayOut: health.last_failure ? wayOutFor[health.last_failure.code] : 'key',
  };
}

export const wayOutText: Record<WayOut, string> = {
  key: 'PagerDuty refuses the key: rotate it to a valid Integration Key, or verify it again once fixed in PagerDuty.',
  connect: 'Nothing to send with: connect PagerDuty.',
  event: 'PagerDuty refused the event itself: edit the action.',
  wait: 'PagerDuty or the network failed for now: the server keeps retrying; verify the key to check.',
};
