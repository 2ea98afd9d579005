import { createRateLimiter, type RateLimiter } from '../http/rate-limiter';
import { AlertBook } from './alert-book';
import { Outage } from './outage';
import { systemClock, type Clock } from '../delivery/clock';
import type { AlertEffect, FaultKind, RecordedEvent, SimEndpoint } from './simulator-types';

export const RATE_LIMIT_PER_MINUTE = 120;

/** Everything the control surface can inspect or change; reset() brings it back to a fresh start. */
export class SimulatorState {
  events: RecordedEvent[] = [];
  revoked = new Set<string>();
  faults: { kind: FaultKind; remaining: number }[] = [];
  readonly alerts: AlertBook;
  readonly outage: Outage;
  private nextId = 1;
  private rate: RateLimiter;

  constructor(readonly clock: Clock = systemClock) {
    this.alerts = new AlertBook(() => clock.now());
    this.outage = new Outage(clock);
    this.rate = this.newRateLimiter();
  }

  private newRateLimiter() {
    return createRateLimiter(RATE_LIMIT_PER_MINUTE, 60_000, () => this.clock.now());
  }

  record(endpoint: SimEndpoint, status: number, body: unknown, effect?: AlertEffect): RecordedEvent {
    const event: RecordedEvent = {
      id: this.nextId++,
      endpoint,
      received_at: new Date(this.clock.now()).toISOString(),
      status,
      body,
      ...(effect ? { effect } : {}),
    };
    this.events.push(event);
    return event;
  }

  takeFault(): FaultKind | null {
    const fault = this.faults[0];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.shift();
    return fault.kind;
  }

  /** Sliding one-minute window per routing key; true when this request is over the limit. */
  overRateLimit(key: string): boolean {
    return this.rate.hit(key) > 0;
  }

  reset() {
    this.events = [];
    this.revoked.clear();
    this.faults = [];
    this.alerts.clear();
    this.outage.end();
    this.rate = this.newRateLimiter();
  }
}
