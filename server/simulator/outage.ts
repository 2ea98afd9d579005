import type { Clock } from '../delivery/clock';
import type { OutageMode, OutageRequest, OutageStatus } from './simulator-types';

interface Current {
  mode: OutageMode;
  /** Requests still to be hit; null = no count (timed or until ended). 0 = spent, though held requests stay held. */
  remaining: number | null;
  endsAt: number | null;
  cancelTimer: () => void;
}

/**
 * PagerDuty being down: every request answers 500, hangs, or loses its connection, for the next N requests, for T
 * seconds, or until ended. Requests held by a `hang` stay held until the outage ends (its time is up, or it is
 * ended by hand); a spent request count does not release them, or the last one would not hang at all.
 */
export class Outage {
  private current: Current | null = null;
  private held = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  start(request: OutageRequest) {
    this.end();
    const ms = request.seconds === undefined ? null : request.seconds * 1000;
    this.current = {
      mode: request.mode,
      remaining: request.requests ?? null,
      endsAt: ms === null ? null : this.clock.now() + ms,
      cancelTimer: ms === null ? () => {} : this.clock.setTimer(() => this.end(), ms),
    };
  }

  /** What this request meets: the outage's mode (counting the request), or null when PagerDuty is up. */
  take(): OutageMode | null {
    const current = this.current;
    if (!current || current.remaining === 0) return null;
    if (current.endsAt !== null && this.clock.now() >= current.endsAt) {
      this.end();
      return null;
    }
    if (current.remaining !== null) current.remaining -= 1;
    return current.mode;
  }

  /** Resolves when the outage ends; the request then gets PagerDuty's ordinary answer. */
  hold(): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        this.held.delete(release);
        resolve();
      };
      this.held.add(release);
    });
  }

  /** Ends the outage and lets every held request through. */
  end() {
    this.current?.cancelTimer();
    this.current = null;
    for (const release of [...this.held]) release();
  }

  status(): OutageStatus {
    const current = this.current;
    if (!current) return null;
    return {
      mode: current.mode,
      remaining_requests: current.remaining,
      ends_at: current.endsAt === null ? null : new Date(current.endsAt).toISOString(),
      held: this.held.size,
    };
  }
}
