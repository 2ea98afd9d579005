import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryObserver, OutboxProbe } from '../delivery/observer';

/** From a fast loopback answer to PagerDuty's 30 s client timeout, in seconds. */
export const ATTEMPT_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The delivery metrics on a registry of their own (plus Node's process metrics), for `GET /metrics`. */
export function createDeliveryMetrics(probe: OutboxProbe): { observer: DeliveryObserver; registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const deliveries = new Counter({
    name: 'qualytics_deliveries_total',
    help: 'Deliveries to PagerDuty that reached a final status, by kind and status.',
    labelNames: ['kind', 'status'] as const,
    registers,
  });
  const attempts = new Counter({
    name: 'qualytics_delivery_attempts_total',
    help: 'Attempts to send a delivery to PagerDuty, by kind and outcome (delivered, rejected, retryable).',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'qualytics_delivery_attempt_duration_seconds',
    help: 'Time from sending an event to PagerDuty until its answer (or the failure), by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    buckets: ATTEMPT_BUCKETS,
    registers,
  });
  new Gauge({
    name: 'qualytics_outbox_depth',
    help: 'Deliveries waiting in the outbox (pending or retrying).',
    registers,
    collect() {
      this.set(probe.depth());
    },
  });
  new Gauge({
    name: 'qualytics_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest delivery still waiting in the outbox; 0 when it is empty.',
    registers,
    collect() {
      this.set((probe.oldestPendingAgeMs() ?? 0) / 1000);
    },
  });

  const observer: DeliveryObserver = {
    attempt({ kind, outcome, durationMs }) {
      const labels = { kind, outcome };
      attempts.inc(labels);
      latency.observe(labels, Math.max(0, durationMs) / 1000);
    },
    settled({ kind, status }) {
      deliveries.inc({ kind, status });
    },
  };
  return { observer, registry };
}
