import { describe, expect, it } from 'vitest';
import { ATTEMPT_BUCKETS, createDeliveryMetrics } from './delivery-metrics';

/** The value of one sample line of the exposition, e.g. `name{a="b"} 3`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const emptyOutbox = { depth: () => 0, oldestPendingAgeMs: () => null };

describe('delivery metrics', () => {
  it('counts settled deliveries by kind and status', async () => {
    const { observer, registry } = createDeliveryMetrics(emptyOutbox);
    observer.settled({ kind: 'trigger', status: 'delivered' });
    observer.settled({ kind: 'trigger', status: 'delivered' });
    observer.settled({ kind: 'trigger', status: 'failed' });
    observer.settled({ kind: 'resolve', status: 'skipped' });
    const text = await registry.metrics();
    expect(sample(text, 'qualytics_deliveries_total{kind="trigger",status="delivered"}')).toBe(2);
    expect(sample(text, 'qualytics_deliveries_total{kind="trigger",status="failed"}')).toBe(1);
    expect(sample(text, 'qualytics_deliveries_total{kind="resolve",status="skipped"}')).toBe(1);
    expect(sample(text, 'qualytics_deliveries_total{kind="resolve",status="delivered"}')).toBeUndefined();
  });

  it('counts attempts by kind and outcome and records their latency in seconds', async () => {
    const { observer, registry } = createDeliveryMetrics(emptyOutbox);
    observer.attempt({ kind: 'trigger', outcome: 'retryable', durationMs: 40 });
    observer.attempt({ kind: 'trigger', outcome: 'retryable', durationMs: 3000 });
    observer.attempt({ kind: 'trigger', outcome: 'delivered', durationMs: 120 });
    observer.attempt({ kind: 'validation', outcome: 'rejected', durationMs: 8 });
    const text = await registry.metrics();
    expect(sample(text, 'qualytics_delivery_attempts_total{kind="trigger",outcome="retryable"}')).toBe(2);
    expect(sample(text, 'qualytics_delivery_attempts_total{kind="trigger",outcome="delivered"}')).toBe(1);
    expect(sample(text, 'qualytics_delivery_attempts_total{kind="validation",outcome="rejected"}')).toBe(1);

    const retry = 'qualytics_delivery_attempt_duration_seconds';
    const labels = 'kind="trigger",outcome="retryable"';
    expect(sample(text, `${retry}_count{${labels}}`)).toBe(2);
    expect(sample(text, `${retry}_sum{${labels}}`)).toBeCloseTo(3.04, 6);
    expect(sample(text, `${retry}_bucket{le="0.05",${labels}}`)).toBe(1);
    expect(sample(text, `${retry}_bucket{le="2.5",${labels}}`)).toBe(1);
    expect(sample(text, `${retry}_bucket{le="5",${labels}}`)).toBe(2);
    expect(sample(text, `${retry}_bucket{le="+Inf",${labels}}`)).toBe(2);
    expect(sample(text, `${retry}_bucket{le="0.1",kind="trigger",outcome="delivered"}`)).toBe(0);
    expect(sample(text, `${retry}_bucket{le="0.25",kind="trigger",outcome="delivered"}`)).toBe(1);
  });

  it('uses buckets from tens of milliseconds to PagerDuty-client timeouts', () => {
    expect(ATTEMPT_BUCKETS[0]).toBeLessThanOrEqual(0.025);
    expect(ATTEMPT_BUCKETS.at(-1)).toBeGreaterThanOrEqual(30);
    expect([...ATTEMPT_BUCKETS].sort((a, b) => a - b)).toEqual(ATTEMPT_BUCKETS);
  });

  it('never counts a negative duration as negative time', async () => {
    const { observer, registry } = createDeliveryMetrics(emptyOutbox);
    observer.attempt({ kind: 'test', outcome: 'delivered', durationMs: -5 });
    const text = await registry.metrics();
    expect(sample(text, 'qualytics_delivery_attempt_duration_seconds_sum{kind="test",outcome="delivered"}')).toBe(0);
  });

  it('reads the outbox depth and the oldest pending age at scrape time', async () => {
    const outbox = { depth: 0, oldest: null as number | null };
    const { registry } = createDeliveryMetrics({ depth: () => outbox.depth, oldestPendingAgeMs: () => outbox.oldest });
    let text = await registry.metrics();
    expect(sample(text, 'qualytics_outbox_depth')).toBe(0);
    expect(sample(text, 'qualytics_outbox_oldest_pending_age_seconds')).toBe(0);
    outbox.depth = 200;
    outbox.oldest = 90_500;
    text = await registry.metrics();
    expect(sample(text, 'qualytics_outbox_depth')).toBe(200);
    expect(sample(text, 'qualytics_outbox_oldest_pending_age_seconds')).toBe(90.5);
  });

  it('keeps each instance on its own registry, with the process metrics beside them', async () => {
    const a = createDeliveryMetrics(emptyOutbox);
    const b = createDeliveryMetrics(emptyOutbox);
    a.observer.settled({ kind: 'trigger', status: 'delivered' });
    expect(await b.registry.metrics()).not.toContain('qualytics_deliveries_total{');
    expect(await a.registry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});
