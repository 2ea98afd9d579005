import { createSecretBox } from '../crypto/secret-box';
import { createDeliveriesStore, type DeliveriesStore } from '../delivery/deliveries-store';
import { createHealthStore } from '../delivery/health-store';
import { createPacer } from '../delivery/pacer';
import { createSender } from '../delivery/sender';
import type { DeliveryTransport } from '../delivery/sender';
import type { AttemptResult } from '../integrations/connector';
import { openDatabase } from '../store/database';
import { createGroupCommit } from '../store/group-commit';
import { manualClock } from './manual-clock';
import { newRoutingKey, tempDataDir } from './test-server';

/** Wraps the store's claim query: the returned array gets the row count of every query, in order. */
export function countClaimQueries(store: Pick<DeliveriesStore, 'nextClaimable'>): number[] {
  const queries: number[] = [];
  const nextClaimable = store.nextClaimable;
  store.nextClaimable = (now, blocked, limit) => {
    const rows = nextClaimable(now, blocked, limit);
    queries.push(rows.length);
    return rows;
  };
  return queries;
}

export type SentCall = { at: number; endpoint: string; event: Record<string, unknown> };
export type TransportScript = (call: SentCall, n: number) => AttemptResult | Promise<AttemptResult>;

export const deliveredReply = (extra: Partial<AttemptResult> = {}): AttemptResult => ({
  outcome: 'delivered',
  httpStatus: 202,
  durationMs: 3,
  retryAfterMs: null,
  reply: { status: 'success', message: 'Event processed', dedup_key: 'd' },
  ...extra,
});

/** A send the test finishes when it wants: `finish(result)` settles the n-th call (1-based). */
export function heldTransport() {
  const pending: ((result: AttemptResult) => void)[] = [];
  const script: TransportScript = () => new Promise<AttemptResult>((resolve) => pending.push(resolve));
  return { script, finish: (n: number, result: AttemptResult) => pending[n - 1]!(result) };
}

/** A sender on a real SQLite outbox, a manual clock and a scripted transport; logs and observer events recorded. */
export function senderHarness(script: TransportScript, options: { concurrency?: number; pace?: number } = {}) {
  const db = openDatabase(tempDataDir());
  const store = createDeliveriesStore(db, createSecretBox(Buffer.alloc(32, 7)), createHealthStore(db));
  const clock = manualClock();
  store.probe.now = clock.now;
  const calls: SentCall[] = [];
  const transport: DeliveryTransport = async (endpoint, event) => {
    const call = { at: clock.now(), endpoint, event: event as Record<string, unknown> };
    calls.push(call);
    return script(call, calls.length);
  };
  const observed: object[] = [];
  const logs: { level: 'warn' | 'error'; obj: object; msg: string }[] = [];
  const sender = createSender({
    store,
    commits: createGroupCommit(db),
    transport,
    observer: {
      attempt: (e) => observed.push({ attempt: e }),
      settled: (e) => observed.push({ settled: e }),
    },
    clock,
    random: () => 0.5,
    pacer: createPacer(options.pace ?? 100),
    policy: { baseMs: 1000, maxMs: 300_000, giveUpAfterMs: 86_400_000 },
    concurrency: options.concurrency ?? 8,
    shutdownWaitMs: 50,
    log: {
      warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
      error: (obj, msg) => logs.push({ level: 'error', obj, msg }),
    },
  });
  const enqueue = (dedupKey: string, routingKey = newRoutingKey()) =>
    store.insert(
      {
        kind: 'trigger',
        endpoint: 'enqueue',
        sync: false,
        keySource: 'integration',
        routingKey,
        dedupKey,
        event: { routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey },
      },
      clock.now(),
    );
  const claimed = () => (db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE sending = 1').get() as { n: number }).n;
  return { db, store, clock, calls, observed, logs, sender, enqueue, claimed };
}

export type SenderHarness = ReturnType<typeof senderHarness>;
