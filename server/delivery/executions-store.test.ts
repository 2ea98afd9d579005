import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../../src/api/contract';
import { createSecretBox } from '../crypto/secret-box';
import { openDatabase } from '../store/database';
import { newRoutingKey, tempDataDir } from '../test-support/test-server';
import { createDeliveriesStore, type NewDelivery } from './deliveries-store';
import { createExecutionsStore } from './executions-store';
import { createHealthStore } from './health-store';

/** An execution's state is read from its deliveries at every read: each delivery state maps to one node state. */
function stores() {
  const db = openDatabase(tempDataDir());
  const deliveries = createDeliveriesStore(db, createSecretBox(Buffer.alloc(32, 3)), createHealthStore(db));
  return { deliveries, executions: createExecutionsStore(db) };
}

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();
const attempt = (ms: number, outcome: DeliveryAttempt['outcome']): DeliveryAttempt => ({
  at: at(ms),
  duration_ms: 5,
  http_status: outcome === 'delivered' ? 202 : 503,
  outcome,
  pagerduty: null,
});

function trigger(executionId: number, actionId: number): NewDelivery {
  const key = newRoutingKey();
  return {
    kind: 'trigger',
    endpoint: 'enqueue',
    sync: false,
    flowId: 7,
    actionId,
    executionId,
    keySource: 'override',
    routingKey: key,
    dedupKey: `dedup-${executionId}-${actionId}`,
    event: { routing_key: key, event_action: 'trigger' },
  };
}

describe('the executions store', () => {
  it('reads each action from its delivery: pending, running once tried or claimed, success, failure, skipped', () => {
    const { deliveries, executions } = stores();
    const id = executions.insert(7, at(T0));
    const first = deliveries.insert(trigger(id, 1), T0);
    const second = deliveries.insert(trigger(id, 2), T0);
    const skipped = deliveries.insert(
      { ...trigger(id, 3), routingKey: null, event: null, skipped: { code: 'not_connected', detail: 'No key' } },
      T0,
    );
    executions.addAction(id, 0, 1, first, null);
    executions.addAction(id, 1, 2, second, null);
    executions.addAction(id, 2, 3, skipped, 'No key');
    executions.addAction(id, 3, 4, null, 'Never enqueued');

    const states = () => executions.get(id)!.actions.map((a) => [a.status, a.detail]);
    expect(executions.get(id)).toMatchObject({ status: 'running', finished: null, created: at(T0) });
    expect(states()).toEqual([
      ['pending', null],
      ['pending', null],
      ['skipped', 'No key'],
      ['skipped', 'Never enqueued'],
    ]);

    expect(deliveries.claimAll([first]).has(first)).toBe(true);
    expect(states()[0]).toEqual(['running', null]);
    const failure = { code: 'pagerduty_error' as const, detail: 'PagerDuty answered 503' };
    deliveries.settle(
      first,
      attempt(T0 + 1000, 'retryable'),
      { status: 'retrying', nextAttemptMs: T0 + 9000, failure },
      T0 + 1000,
    );
    // Back in the queue after an attempt: still running, and why it is not done yet.
    expect(states()[0]).toEqual(['running', 'PagerDuty answered 503']);

    deliveries.settle(first, attempt(T0 + 5000, 'delivered'), { status: 'delivered' }, T0 + 5000);
    expect(executions.get(id)!.status).toBe('running');
    deliveries.settle(
      second,
      attempt(T0 + 3000, 'rejected'),
      { status: 'failed', failure: { code: 'invalid_key', detail: 'Refused' } },
      T0 + 3000,
    );

    const done = executions.get(id)!;
    expect(states()).toEqual([
      ['success', null],
      ['failure', 'Refused'],
      ['skipped', 'No key'],
      ['skipped', 'Never enqueued'],
    ]);
    // Finished when its last action's last attempt ended, not when the last row was written.
    expect(done).toMatchObject({ status: 'failure', finished: at(T0 + 5000) });
  });

  it('is a success only when every action was delivered; one with no action finishes when it was created', () => {
    const { deliveries, executions } = stores();
    const id = executions.insert(7, at(T0));
    const only = deliveries.insert(trigger(id, 1), T0);
    executions.addAction(id, 0, 1, only, null);
    deliveries.settle(only, attempt(T0 + 2000, 'delivered'), { status: 'delivered' }, T0 + 2000);
    expect(executions.get(id)).toMatchObject({ status: 'success', finished: at(T0 + 2000) });

    const empty = executions.insert(7, at(T0 + 10));
    expect(executions.get(empty)).toMatchObject({ status: 'success', finished: at(T0 + 10), actions: [] });
  });

  it("lists a flow's executions newest first, each with only its own actions", () => {
    const { deliveries, executions } = stores();
    const ids = [1, 2, 3].map((n) => {
      const id = executions.insert(7, at(T0 + n));
      executions.addAction(id, 0, n, deliveries.insert(trigger(id, n), T0), null);
      return id;
    });
    executions.insert(8, at(T0 + 9));
    const page = executions.listForFlow(7, { limit: 3 });
    expect(page.items.map((e) => e.id)).toEqual([...ids].reverse());
    expect(page.items.map((e) => e.actions.map((a) => a.action_id))).toEqual([[3], [2], [1]]);
    expect(page.next_cursor).toBeNull();
    const first = executions.listForFlow(7, { limit: 2 });
    expect(first.next_cursor).not.toBeNull();
    expect(executions.listForFlow(7, { limit: 2, before: first.next_cursor! }).items.map((e) => e.id)).toEqual([
      ids[0],
    ]);
  });
});
