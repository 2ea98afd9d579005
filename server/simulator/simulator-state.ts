import { createRateLimiter, type RateLimiter } from '../http/rate-limiter';
import type { SimEndpoint } from './validate-event';

export type FaultKind = 'rate_limit' | 'server_error' | 'timeout' | 'malformed';

export interface RecordedEvent {
  id: number;
  endpoint: SimEndpoint;
  received_at: string;
  /** HTTP status the simulator answered (or will answer, for a held timeout). */
  status: number;
  /** The parsed JSON received, or the raw text when it was not JSON. */
  body: unknown;
}

export const RATE_LIMIT_PER_MINUTE = 120;

/** Everything the control surface can inspect or change; reset() brings it back to a fresh start. */
export class SimulatorState {
  events: RecordedEvent[] = [];
  revoked = new Set<string>();
  faults: { kind: FaultKind; remaining: number }[] = [];
  private nextId = 1;
  private rate: RateLimiter = createRateLimiter(RATE_LIMIT_PER_MINUTE, 60_000);

  record(endpoint: SimEndpoint, status: number, body: unknown): RecordedEvent {
    const event = { id: this.nextId++, endpoint, received_at: new Date().toISOString(), status, body };
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
    this.rate = createRateLimiter(RATE_LIMIT_PER_MINUTE, 60_000);
  }
}
