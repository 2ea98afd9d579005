import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../../src/api/contract';
import { createSecretBox } from '../crypto/secret-box';
import { openDatabase } from '../store/database';
import { newRoutingKey, tempDataDir } from '../test-support/test-server';
import { createDeliveriesStore, type NewDelivery } from './deliveries-store';
import { createHealthStore } from './health-store';

/** The outbox's rows directly: what insert stores, what settle changes, and what a crash recovery does. */
function setup() {
  const db = openDatabase(tempDataDir());
  const health = createHealthStore(db);
  return { store: createDeliveriesStore(db, createSecretBox(Buffer.alloc(32, 5)), health), health };
}

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const sent = (ms: number): DeliveryAttempt => ({
  at: iso(ms),
  duration_ms: 4,
  http_status: 202,
  outcome: 'delivered',
  pagerduty: { status: 'success' },
});

function delivery(extra: Partial<NewDelivery> = {}): NewDelivery {
  const key = newRoutingKey();
  return {
    kind: 'trigger',
    endpoint: 'enqueue',
    sync: false,
    keySource: 'integration',
    routingKey: key,
    dedupKey: `dedup-${key.slice(-6)}`,
    event: { routing_key: key, event_action: 'trigger', payload: { summary: 'Late' } },
    ...extra,
  };
}

describe('the deliveries store', () => {
  it('stores the event with its routing key redacted, the key sealed, and unset links as null', () => {
    const { store } = setup();
    const d = delivery();
    const id = store.insert(d, T0);
    const stored = store.get(id)!;
    expect(stored.event).toEqual({ ...d.event, routing_key: `…${d.routingKey!.slice(-4)}` });
    expect(stored).toMatchObject({
      status: 'pending',
      key_last4: d.routingKey!.slice(-4),
      action_id: null,
      flow_id: null,
      integration_id: null,
      next_attempt_at: iso(T0),
      failure: null,
    });
    expect(store.routingKey(store.row(id)!)).toBe(d.routingKey);
    expect(JSON.stringify(store.row(id))).not.toContain(d.routingKey!);
  });

  it('claims a row once, and never a skipped one or one its request sends', () => {
    const { store } = setup();
    const id = store.insert(delivery(), T0);
    store.insert(delivery({ sync: true }), T0);
    store.insert(delivery({ routingKey: null, skipped: { code: 'not_connected', detail: 'No key' } }), T0);
    expect(store.nextClaimable(T0 + 1, [], 10).map((r) => r.id)).toEqual([id]);
    expect(store.claimAll([id]).has(id)).toBe(true);
    expect(store.claimAll([id]).has(id)).toBe(false);
    expect(store.nextClaimable(T0 + 1, [], 10)).toEqual([]);
  });

  it('claims a batch in one go, leaving out what was claimed already', () => {
    const { store } = setup();
    const [a, b, c] = [store.insert(delivery(), T0), store.insert(delivery(), T0), store.insert(delivery(), T0)];
    expect(store.claimAll([b]).has(b)).toBe(true);
    expect([...store.claimAll([a, b, c])].sort()).toEqual([a, c].sort());
    expect(store.claimAll([a, b, c]).size).toBe(0);
    expect(store.claimAll([]).size).toBe(0);
    expect(store.nextClaimable(T0 + 1, [], 10)).toEqual([]);
  });

  it('records a skipped delivery as a failure without an attempt, for its integration and its action', () => {
    const { store, health } = setup();
    const skipped = { code: 'not_connected' as const, detail: 'PagerDuty is not connected' };
    const id = store.insert(
      delivery({ routingKey: null, event: null, healthIntegrationId: 4, healthActionId: 9, skipped }),
      T0,
    );
    expect(store.get(id)).toMatchObject({ status: 'skipped', failure: skipped, next_attempt_at: null, event: null });
    for (const [scope, owner] of [
      ['integration', 4],
      ['action', 9],
    ] as const) {
      expect(health.all(scope)(owner)).toMatchObject({
        state: 'failing',
        last_attempt_at: null,
        last_failure_at: iso(T0),
        last_failure: skipped,
      });
    }
  });

  it('opens the incident on a delivered trigger, and follows it with acknowledge and resolve; a late acknowledge never reopens it', () => {
    const { store } = setup();
    const trigger = store.insert(delivery(), T0);
    const change = store.insert(delivery({ endpoint: 'change', dedupKey: null }), T0);
    store.settle(trigger, sent(T0 + 1), { status: 'delivered' }, T0 + 1);
    store.settle(change, sent(T0 + 1), { status: 'delivered' }, T0 + 1);
    expect(store.get(trigger)!.incident_state).toBe('triggered');
    expect(store.get(change)!.incident_state).toBeNull();

    const followUp = (kind: 'acknowledge' | 'resolve') =>
      store.insert(delivery({ kind, triggerId: trigger, dedupKey: store.get(trigger)!.dedup_key }), T0 + 2);
    const failedAck = followUp('acknowledge');
    store.settle(failedAck, null, { status: 'failed', failure: { code: 'pagerduty_error', detail: 'No' } }, T0 + 3);
    expect(store.get(trigger)!.incident_state).toBe('triggered');
    expect(store.get(failedAck)!.incident_state).toBeNull();
    expect(store.openFollowUps(trigger)).toEqual([]);

    const ack = followUp('acknowledge');
    const resolve = followUp('resolve');
    expect(
      store
        .openFollowUps(trigger)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['acknowledge', 'resolve']);
    store.settle(ack, sent(T0 + 4), { status: 'delivered' }, T0 + 4);
    expect(store.get(trigger)!.incident_state).toBe('acknowledged');
    // A follow-up itself opens no incident.
    expect(store.get(ack)!.incident_state).toBeNull();
    store.settle(resolve, sent(T0 + 5), { status: 'delivered' }, T0 + 5);
    expect(store.get(trigger)!.incident_state).toBe('resolved');
    const late = followUp('acknowledge');
    store.settle(late, sent(T0 + 6), { status: 'delivered' }, T0 + 6);
    expect(store.get(trigger)!.incident_state).toBe('resolved');
  });

  it('keeps the next attempt only while retrying, the failure only while not delivered, and ignores an unknown id', () => {
    const { store } = setup();
    const id = store.insert(delivery(), T0);
    const failure = { code: 'pagerduty_error' as const, detail: 'HTTP 503' };
    store.settle(id, null, { status: 'retrying', nextAttemptMs: T0 + 60_000, failure }, T0 + 1);
    expect(store.get(id)).toMatchObject({ status: 'retrying', next_attempt_at: iso(T0 + 60_000), failure });
    store.settle(id, null, { status: 'failed', failure }, T0 + 2);
    expect(store.get(id)).toMatchObject({ status: 'failed', next_attempt_at: null, failure });
    store.requeue(id, T0 + 3);
    store.settle(id, sent(T0 + 4), { status: 'delivered' }, T0 + 4);
    expect(store.get(id)).toMatchObject({ status: 'delivered', next_attempt_at: null, failure: null });
    expect(() => store.settle(999, null, { status: 'delivered' }, T0)).not.toThrow();
  });

  it('after a crash gives claims back and fails the deliveries whose request was waiting', () => {
    const { store } = setup();
    const queued = store.insert(delivery(), T0);
    const waited = store.insert(delivery({ sync: true }), T0);
    store.claimAll([queued]);
    store.recover(T0 + 10);
    expect(store.nextClaimable(T0 + 10, [], 10).map((r) => r.id)).toEqual([queued]);
    expect(store.get(waited)).toMatchObject({
      status: 'failed',
      failure: {
        code: 'pagerduty_error',
        detail: 'The server stopped before PagerDuty answered; nothing is known of this event.',
      },
    });
  });

  it("gives a delivered validation to the integration that then stored its key, counting for that integration's health", () => {
    const { store, health } = setup();
    const validated = store.insert(delivery({ kind: 'validation', sync: true }), T0);
    store.settle(validated, sent(T0 + 1), { status: 'delivered' }, T0 + 1);
    store.adopt(validated, 12, T0 + 2);
    expect(store.get(validated)!.integration_id).toBe(12);
    expect(health.all('integration')(12)).toMatchObject({ state: 'ok', last_success_at: iso(T0 + 2) });

    const refused = store.insert(delivery({ kind: 'validation', sync: true }), T0);
    store.settle(refused, null, { status: 'failed', failure: { code: 'invalid_key', detail: 'No' } }, T0 + 3);
    store.adopt(refused, 13, T0 + 4);
    expect(health.all('integration')(13).state).toBe('no_deliveries');
    expect(() => store.adopt(999, 12, T0)).not.toThrow();
  });
});
