import type { DeliveryKind } from '../../src/api/contract';

export type { DeliveryKind };

/** What the sender reports as it works, for metrics (server/metrics implements it with prom-client). */
export interface DeliveryObserver {
  /** One HTTP attempt finished. */
  attempt(e: { kind: DeliveryKind; outcome: 'delivered' | 'rejected' | 'retryable'; durationMs: number }): void;
  /** A delivery reached a final status. */
  settled(e: { kind: DeliveryKind; status: 'delivered' | 'failed' | 'skipped' }): void;
}

/** The outbox as gauges: read when scraped, never pushed. */
export interface OutboxProbe {
  /** Deliveries not final yet (pending or retrying). */
  depth(): number;
  /** Age of the oldest delivery not final yet, or null when there is none. */
  oldestPendingAgeMs(): number | null;
}

export const noopObserver: DeliveryObserver = { attempt: () => {}, settled: () => {} };
