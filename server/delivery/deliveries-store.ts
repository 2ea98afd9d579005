import { createHash } from 'node:crypto';
import type {
  DeliveryAttempt,
  DeliveryFailure,
  DeliveryKind,
  DeliveryListQuery,
  DeliveryStatus,
  IncidentState,
  KeySource,
} from '../../src/api/contract';
import { boundedMemo, type SecretBox } from '../crypto/secret-box';
import { keyLast4, redactKey } from '../integrations/pagerduty/events';
import type { Db } from '../store/database';
import { toDelivery, type DeliveryRow } from './delivery-row';
import type { HealthStore } from './health-store';
import type { OutboxProbe } from './observer';
import { decodeCursor, encodeCursor, pageLimit } from './cursor';

export interface NewDelivery {
  kind: DeliveryKind;
  endpoint: 'enqueue' | 'change';
  /** Sent by the request that creates it (validation, test), never by the sender. */
  sync: boolean;
  integrationId?: number | null;
  flowId?: number | null;
  actionId?: number | null;
  executionId?: number | null;
  triggerId?: number | null;
  healthIntegrationId?: number | null;
  healthActionId?: number | null;
  keySource: KeySource | null;
  /** In clear; sealed here, and redacted in the stored event. Null = nothing to send with (skipped). */
  routingKey: string | null;
  dedupKey: string | null;
  event: Record<string, unknown> | null;
  /** A delivery skipped before any attempt, and why. */
  skipped?: DeliveryFailure;
}

export type Settlement =
  | { status: 'delivered' }
  | { status: 'failed'; failure: DeliveryFailure }
  | { status: 'retrying'; nextAttemptMs: number | null; failure: DeliveryFailure };

/** A one-way, short hash: enough to tell keys apart for pacing and ordering, useless to send anything with. */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 24);

const iso = (ms: number) => new Date(ms).toISOString();

export function createDeliveriesStore(db: Db, box: SecretBox, health: HealthStore) {
  // Every event of one routing key stores the same sealed value: `key_hash` already tells rows of one key apart,
  // so this reveals nothing new, and it spares a cipher per event (the executions of one flow share one key).
  const sealedKeys = boundedMemo<string, string>(1024);
  const sealKey = (key: string) => {
    let sealed = sealedKeys.get(key);
    if (sealed === undefined) sealedKeys.set(key, (sealed = box.seal(key)));
    return sealed;
  };
  const byId = db.prepare('SELECT * FROM deliveries WHERE id = ?');
  const row = (id: number) => byId.get(id) as DeliveryRow | undefined;
  const insert = db.prepare(
    `INSERT INTO deliveries (kind, status, endpoint, sync, integration_id, flow_id, action_id, execution_id, trigger_id,
       health_integration_id, health_action_id, key_source, key_last4, sealed_routing_key, key_hash, dedup_key, event,
       failure, enqueued_ms, next_attempt_ms, created, updated)
     VALUES (@kind, @status, @endpoint, @sync, @integration_id, @flow_id, @action_id, @execution_id, @trigger_id,
       @health_integration_id, @health_action_id, @key_source, @key_last4, @sealed, @key_hash, @dedup_key, @event,
       @failure, @now, @next, @created, @created)`,
  );
  // Due, not in flight, no earlier delivery of the same dedup key still unfinished (a resolve never overtakes
  // its trigger), and its key not out of pacing room.
  const claimable = db.prepare(
    `SELECT d.* FROM deliveries d
     WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_ms <= @now AND d.sync = 0 AND d.sending = 0
       AND COALESCE(d.key_hash, '') NOT IN (SELECT value FROM json_each(@blocked))
       AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.dedup_key = d.dedup_key AND e.id < d.id
                       AND e.status IN ('pending', 'retrying'))
     ORDER BY d.next_attempt_ms, d.id LIMIT @limit`,
  );
  // Every fixed statement is prepared once, here: preparing is parsing and planning, wasted when repeated per event.
  const update = db.prepare(
    `UPDATE deliveries SET status = ?, sending = 0, attempts = ?, failure = ?, next_attempt_ms = ?, updated = ?,
       incident_state = ? WHERE id = ?`,
  );
  // A late acknowledge never reopens a resolved incident.
  const updateIncident = db.prepare(
    `UPDATE deliveries SET incident_state = ?, updated = ? WHERE id = ? AND incident_state != 'resolved'`,
  );
  const depth = db.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'retrying')`);
  const oldest = db.prepare(`SELECT MIN(enqueued_ms) AS at FROM deliveries WHERE status IN ('pending', 'retrying')`);
  const claimMany = db.prepare(
    'UPDATE deliveries SET sending = 1 WHERE id IN (SELECT value FROM json_each(?)) AND sending = 0 RETURNING id',
  );
  const releaseOne = db.prepare('UPDATE deliveries SET sending = 0 WHERE id = ?');
  const releaseAll = db.prepare('UPDATE deliveries SET sending = 0 WHERE sending = 1');
  const syncOrphans = db.prepare(`SELECT id FROM deliveries WHERE sync = 1 AND status IN ('pending', 'retrying')`);
  const requeueOne = db.prepare(
    `UPDATE deliveries SET status = 'pending', failure = NULL, enqueued_ms = ?, next_attempt_ms = ?, updated = ? WHERE id = ?`,
  );
  const rekey = db.prepare('UPDATE deliveries SET key_last4 = ?, sealed_routing_key = ?, key_hash = ? WHERE id = ?');
  const adoptOne = db.prepare('UPDATE deliveries SET integration_id = ?, health_integration_id = ? WHERE id = ?');
  const followUps = db.prepare(
    `SELECT kind FROM deliveries WHERE trigger_id = ? AND status IN ('pending', 'retrying')`,
  );
  // The listing's WHERE depends on which filters are given: at most one statement per combination.
  const listings = new Map<string, ReturnType<Db['prepare']>>();
  const listing = (sql: string) => {
    let statement = listings.get(sql);
    if (!statement) listings.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const nextDue = db.prepare(
    `SELECT MIN(next_attempt_ms) AS at FROM deliveries
     WHERE status IN ('pending', 'retrying') AND sync = 0 AND sending = 0 AND next_attempt_ms > ?`,
  );

  function settle(id: number, attempt: DeliveryAttempt | null, outcome: Settlement, nowMs: number) {
    const current = row(id);
    if (!current) return;
    const attempts = JSON.parse(current.attempts) as DeliveryAttempt[];
    if (attempt) attempts.push(attempt);
    const at = iso(nowMs);
    update.run(
      outcome.status,
      JSON.stringify(attempts),
      outcome.status === 'delivered' ? null : JSON.stringify(outcome.failure),
      outcome.status === 'retrying' ? outcome.nextAttemptMs : null,
      at,
      outcome.status === 'delivered' && current.endpoint === 'enqueue' && current.trigger_id === null
        ? 'triggered'
        : current.incident_state,
      id,
    );
    if (outcome.status === 'delivered' && current.trigger_id !== null) {
      const state: IncidentState = current.kind === 'resolve' ? 'resolved' : 'acknowledged';
      updateIncident.run(state, at, current.trigger_id);
    }
    const result =
      outcome.status === 'delivered'
        ? ({ ok: true } as const)
        : ({ ok: false, failure: outcome.failure, attempted: attempt !== null } as const);
    if (current.health_integration_id !== null) health.record('integration', current.health_integration_id, at, result);
    if (current.health_action_id !== null) health.record('action', current.health_action_id, at, result);
  }

  const probe: OutboxProbe & { now: () => number } = {
    now: Date.now,
    depth: () => (depth.get() as { n: number }).n,
    oldestPendingAgeMs() {
      const { at } = oldest.get() as { at: number | null };
      return at === null ? null : Math.max(0, probe.now() - at);
    },
  };

  return {
    probe,
    row,
    get: (id: number) => {
      const found = row(id);
      return found ? toDelivery(found) : null;
    },
    /** Inside the caller's transaction when there is one (an execution enqueues all its deliveries at once). */
    insert(d: NewDelivery, nowMs: number): number {
      const status: DeliveryStatus = d.skipped ? 'skipped' : 'pending';
      const event = d.event && d.routingKey ? { ...d.event, routing_key: redactKey(d.routingKey) } : d.event;
      const { lastInsertRowid } = insert.run({
        kind: d.kind,
        status,
        endpoint: d.endpoint,
        sync: d.sync ? 1 : 0,
        integration_id: d.integrationId ?? null,
        flow_id: d.flowId ?? null,
        action_id: d.actionId ?? null,
        execution_id: d.executionId ?? null,
        trigger_id: d.triggerId ?? null,
        health_integration_id: d.healthIntegrationId ?? null,
        health_action_id: d.healthActionId ?? null,
        key_source: d.keySource,
        key_last4: d.routingKey ? keyLast4(d.routingKey) : null,
        sealed: d.routingKey ? sealKey(d.routingKey) : null,
        key_hash: d.routingKey ? keyHash(d.routingKey) : null,
        dedup_key: d.dedupKey,
        event: event ? JSON.stringify(event) : null,
        failure: d.skipped ? JSON.stringify(d.skipped) : null,
        now: nowMs,
        next: d.sync || d.skipped ? null : nowMs,
        created: iso(nowMs),
      });
      if (d.skipped) {
        const failed = { ok: false, failure: d.skipped, attempted: false } as const;
        if (d.healthIntegrationId) health.record('integration', d.healthIntegrationId, iso(nowMs), failed);
        if (d.healthActionId) health.record('action', d.healthActionId, iso(nowMs), failed);
      }
      return Number(lastInsertRowid);
    },
    /** The routing key a delivery goes with, in clear, for sending only. */
    routingKey: (r: Pick<DeliveryRow, 'sealed_routing_key'>) =>
      r.sealed_routing_key ? box.open(r.sealed_routing_key) : null,
    /** Up to `limit` claimable rows, in the order they are to be sent: one query for a whole batch of claims. */
    nextClaimable: (nowMs: number, blockedKeys: string[], limit = 1) =>
      claimable.all({ now: nowMs, blocked: JSON.stringify(blockedKeys), limit }) as DeliveryRow[],
    /** Claims a batch in one statement; the ids it got (a row claimed already is left out). */
    claimAll(ids: number[]): Set<number> {
      if (!ids.length) return new Set();
      return new Set((claimMany.all(JSON.stringify(ids)) as { id: number }[]).map((r) => r.id));
    },
    /** The earliest retry still in the future, to set one timer instead of polling. */
    nextDueMs: (nowMs: number) => (nextDue.get(nowMs) as { at: number | null }).at,
    settle: db.transaction(settle),
    /** Claims given back unfinished (shutdown): sent again later with the same dedup key. */
    release: (ids: number[]) => {
      db.transaction(() => ids.forEach((id) => releaseOne.run(id)))();
    },
    /**
     * After a crash: the sender's claims go back to the queue (at-least-once; same dedup key, PagerDuty merges),
     * and requests that were waiting on PagerDuty are gone, so their deliveries end as failed.
     */
    recover(nowMs: number) {
      releaseAll.run();
      const orphans = syncOrphans.all() as { id: number }[];
      for (const { id } of orphans) {
        settle(
          id,
          null,
          {
            status: 'failed',
            failure: {
              code: 'pagerduty_error',
              detail: 'The server stopped before PagerDuty answered; nothing is known of this event.',
            },
          },
          nowMs,
        );
      }
    },
    /**
     * Re-enqueues a failed delivery: same row, same event, same dedup key. `routingKey`, when given, replaces the key
     * it goes with (a trigger sent with the integration's key goes with the key the integration holds now).
     */
    requeue(id: number, nowMs: number, routingKey?: string) {
      requeueOne.run(nowMs, nowMs, iso(nowMs), id);
      if (routingKey !== undefined) {
        rekey.run(keyLast4(routingKey), sealKey(routingKey), keyHash(routingKey), id);
      }
    },
    /** A validation delivery whose key was then stored: it belongs to that integration and counts for its health. */
    adopt(id: number, integrationId: number, nowMs: number) {
      const found = row(id);
      if (!found) return;
      adoptOne.run(integrationId, integrationId, id);
      if (found.status === 'delivered') health.record('integration', integrationId, iso(nowMs), { ok: true });
    },
    /** Acknowledge / resolve deliveries of a trigger not final yet. */
    openFollowUps: (triggerId: number) => followUps.all(triggerId) as { kind: DeliveryKind }[],
    list(query: DeliveryListQuery) {
      const limit = pageLimit(query.limit);
      const where: string[] = [];
      const args: Record<string, unknown> = { limit: limit + 1 };
      const filter = (name: string, condition: string, value: unknown) => {
        if (value === undefined) return;
        where.push(condition);
        args[name] = value;
      };
      filter('before', 'id < @before', query.before === undefined ? undefined : decodeCursor(query.before));
      for (const field of ['status', 'kind', 'flow_id', 'integration_id'] as const) {
        filter(field, `${field} = @${field}`, query[field]);
      }
      // `created` alone would make SQLite walk the whole table by id when few rows match; the id bound lets it
      // start at the first match. Exact because ids and `created` grow together (both set at insert, in order).
      filter(
        'since',
        'created >= @since AND id >= (SELECT id FROM deliveries WHERE created >= @since ORDER BY created, id LIMIT 1)',
        query.since === undefined ? undefined : iso(Date.parse(query.since)),
      );
      const rows = listing(
        `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`,
      ).all(args) as DeliveryRow[];
      const items = rows.slice(0, limit).map(toDelivery);
      return { items, next_cursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
    },
  };
}

export type DeliveriesStore = ReturnType<typeof createDeliveriesStore>;
