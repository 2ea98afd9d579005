import { describe, expect, it } from 'vitest';
import { deliveryRows } from '../budgets';
import type { DeliveryOptions, DeliveryReport } from './measure-delivery';

const options: DeliveryOptions = {
  rounds: 3,
  keys: 100,
  eventsPerKey: 10,
  actionsPerFlow: 50,
  concurrency: 16,
  alertmanagerAlerts: 500,
  idleExecutions: 30,
  loadExecutions: 50,
  listSizes: [1000, 1_000_000],
  listRequests: 200,
  sinceRequests: 20,
};

const report = (overrides: Partial<DeliveryReport>): DeliveryReport => ({
  options,
  throughput: [],
  alertmanager: { skipped: 'not installed' },
  idle: [],
  load: [],
  list: [],
  errors: [],
  ...overrides,
});

const row = (rows: ReturnType<typeof deliveryRows>, start: string) => rows.find((r) => r.what.startsWith(start));

describe('deliveryRows', () => {
  it('judges the outbox on the median of the rounds’ bare/outbox ratios', () => {
    const rounds = [
      { outboxPerSecond: 500, barePerSecond: 900, enqueueMs: 1, perEventPerSecond: 300, perEventEnqueueMs: 3 },
      { outboxPerSecond: 100, barePerSecond: 900, enqueueMs: 1, perEventPerSecond: 300, perEventEnqueueMs: 3 },
      { outboxPerSecond: 600, barePerSecond: 1000, enqueueMs: 1, perEventPerSecond: 300, perEventEnqueueMs: 3 },
    ];
    expect(
      row(deliveryRows(report({ throughput: rounds })), 'outbox, 100 keys x 10 events from 20 executions')?.result,
    ).toBe('PASS');
    // The one-execution-per-event round informs and never decides.
    expect(
      row(deliveryRows(report({ throughput: rounds })), 'outbox, the same events as 1000 single-action'),
    ).toMatchObject({
      result: 'n/a',
      figure: expect.stringContaining('bare/outbox 3x'),
    });
    rounds[0]!.outboxPerSecond = 300;
    expect(
      row(deliveryRows(report({ throughput: rounds })), 'outbox, 100 keys x 10 events from 20 executions')?.result,
    ).toBe('FAIL');
  });

  it('compares with Alertmanager when it ran, and says why when it did not', () => {
    const throughput = [
      { outboxPerSecond: 1000, barePerSecond: 1500, enqueueMs: 1, perEventPerSecond: 300, perEventEnqueueMs: 3 },
    ];
    const skipped = row(deliveryRows(report({ throughput })), 'outbox vs Alertmanager');
    expect(skipped).toMatchObject({ result: 'n/a', note: 'not installed' });
    const faster = deliveryRows(report({ throughput, alertmanager: { version: '0.25.0', perSecond: [900] } }));
    expect(row(faster, 'outbox vs Alertmanager 0.25.0')?.result).toBe('PASS');
    const slower = deliveryRows(report({ throughput, alertmanager: { version: '0.25.0', perSecond: [1100] } }));
    expect(row(slower, 'outbox vs Alertmanager 0.25.0')?.result).toBe('FAIL');
  });

  it('holds latency to its p99 budgets and the list to 1.5x from the smallest to the largest size, round by round', () => {
    const rows = deliveryRows(
      report({
        idle: [{ p50Ms: 5, p99Ms: 251, samples: 30 }],
        load: [{ p50Ms: 100, p99Ms: 1999, samples: 50 }],
        list: [
          {
            size: 1000,
            seedMs: 1,
            firstPageP95Ms: [10, 10, 10],
            failedPageP95Ms: [10, 10, 10],
            sincePageP95Ms: [1, 1, 1],
          },
          {
            size: 1_000_000,
            seedMs: 1,
            firstPageP95Ms: [15, 15, 99],
            failedPageP95Ms: [16, 16, 16],
            sincePageP95Ms: [1, 1, 1],
          },
        ],
      }),
    );
    expect(row(rows, 'execution to PagerDuty 202, idle')?.result).toBe('FAIL');
    expect(row(rows, 'execution to PagerDuty 202, 50 at once')?.result).toBe('PASS');
    expect(row(rows, 'GET /api/notifications/deliveries first page')?.result).toBe('PASS');
    expect(row(rows, 'GET /api/notifications/deliveries ?status=failed')?.result).toBe('FAIL');
  });

  it('fails the section when a measurement broke off', () => {
    expect(row(deliveryRows(report({ errors: ['simulator gone'] })), 'delivery section')).toMatchObject({
      result: 'FAIL',
      note: 'simulator gone',
    });
  });
});
