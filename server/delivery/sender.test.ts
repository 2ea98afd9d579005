import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../crypto/secret-box';
import { openDatabase } from '../store/database';
import { flush, manualClock } from '../test-support/manual-clock';
import { countClaimQueries } from '../test-support/sender-harness';
import { newRoutingKey, tempDataDir } from '../test-support/test-server';
import { createDeliveriesStore } from './deliveries-store';
import { createHealthStore } from './health-store';
import { createPacer } from './pacer';
import type { AttemptResult } from '../integrations/connector';
import { createGroupCommit } from '../store/group-commit';
import { createSender, type DeliveryTransport } from './sender';

type Call = { at: number; endpoint: string; event: Record<string, unknown> };
type Script = (call: Call, n: number) => AttemptResult | Promise<AttemptResult>;

const SECRET = Buffer.alloc(32, 7);
const delivered = (): AttemptResult => ({
  outcome: 'delivered',
  httpStatus: 202,
  durationMs: 3,
  retryAfterMs: null,
  reply: { status: 'success', message: 'Event processed', dedup_key: 'd' },
});
const http = (status: number, extra: Partial<AttemptResult> = {}): AttemptResult => ({
  outcome: status === 400 ? 'rejected' : 'retryable',
  httpStatus: status,
  durationMs: 3,
  retryAfterMs: null,
  reply: { status: 'error', message: `HTTP ${status}` },
  failure: {
    code: status === 400 ? 'invalid_event' : status === 429 ? 'rate_limited' : 'pagerduty_error',
    detail: status === 400 ? "'payload.summary' is missing or blank" : `PagerDuty is having trouble (HTTP ${status}).`,
  },
  ...extra,
});

function setup(
  script: Script,
  options: { concurrency?: number; pace?: number; giveUpAfterMs?: number; dataDir?: string } = {},
) {
  const dataDir = options.dataDir ?? tempDataDir();
  const db = openDatabase(dataDir);
  const health = createHealthStore(db);
  const store = createDeliveriesStore(db, createSecretBox(SECRET), health);
  const clock = manualClock();
  store.probe.now = clock.now;
  const calls: Call[] = [];
  const transport: DeliveryTransport = async (endpoint, event) => {
    const call = { at: clock.now(), endpoint, event: event as Record<string, unknown> };
    calls.push(call);
    return script(call, calls.length);
  };
  const observed: string[] = [];
  const sender = createSender({
    store,
    commits: createGroupCommit(db),
    transport,
    observer: {
      attempt: (e) => observed.push(`attempt ${e.kind} ${e.outcome}`),
      settled: (e) => observed.push(`settled ${e.kind} ${e.status}`),
    },
    clock,
    random: () => 0.5,
    pacer: createPacer(options.pace ?? 100),
    policy: { baseMs: 1000, maxMs: 300_000, giveUpAfterMs: options.giveUpAfterMs ?? 86_400_000 },
    concurrency: options.concurrency ?? 8,
    shutdownWaitMs: 50,
    log: { warn: () => {}, error: () => {} },
  });
  const enqueue = (routingKey: string, dedupKey: string, kind: 'trigger' | 'resolve' = 'trigger') =>
    store.insert(
      {
        kind,
        endpoint: 'enqueue',
        sync: false,
        keySource: 'integration',
        routingKey,
        dedupKey,
        event: { routing_key: routingKey, event_action: kind, dedup_key: dedupKey },
      },
      clock.now(),
    );
  return { db, dataDir, store, clock, calls, observed, sender, enqueue };
}

/** Moves simulated time timer by timer until nothing is left to do (bounded, so a bug cannot hang the test). */
async function drain(t: ReturnType<typeof setup>, maxTimers = 10_000) {
  await flush();
  for (let i = 0; i < maxTimers && (await t.clock.next()); i++);
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('the sender', () => {
  it('retries 500s with growing gaps and delivers on the 4th attempt, always with the same dedup key', async () => {
    const t = setup((_c, n) => (n <= 3 ? http(500) : delivered()));
    const key = newRoutingKey();
    const id = t.enqueue(key, 'dedup-1');
    t.sender.start();
    await flush();
    expect(t.store.get(id)).toMatchObject({
      status: 'retrying',
      attempts: [{ http_status: 500, outcome: 'retryable' }],
    });
    expect(t.store.get(id)!.next_attempt_at).toBe(new Date(t.clock.now() + 500).toISOString());
    await drain(t);
    const row = t.store.get(id)!;
    expect(row.status).toBe('delivered');
    expect(row.incident_state).toBe('triggered');
    expect(row.attempts.map((a) => a.outcome)).toEqual(['retryable', 'retryable', 'retryable', 'delivered']);
    // random() = 0.5: half of 1 s, 2 s, 4 s.
    expect(gaps(t.calls.map((c) => c.at))).toEqual([500, 1000, 2000]);
    expect(new Set(t.calls.map((c) => c.event.dedup_key))).toEqual(new Set(['dedup-1']));
    expect(t.calls.every((c) => c.event.routing_key === key)).toBe(true);
    expect(t.observed).toEqual([
      'attempt trigger retryable',
      'attempt trigger retryable',
      'attempt trigger retryable',
      'attempt trigger delivered',
      'settled trigger delivered',
    ]);
  });

  it('fails a 400 after one attempt with PagerDuty reason verbatim, and never tries it again', async () => {
    const t = setup(() => http(400));
    const id = t.enqueue(newRoutingKey(), 'dedup-400');
    t.sender.start();
    await flush();
    await t.clock.advance(3_600_000);
    expect(t.calls).toHaveLength(1);
    expect(t.store.get(id)).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      failure: { code: 'invalid_event', detail: "'payload.summary' is missing or blank" },
    });
    expect(t.observed).toContain('settled trigger failed');
  });

  it('waits as long as a 429 Retry-After asks before the next attempt', async () => {
    const t = setup((_c, n) => (n === 1 ? http(429, { retryAfterMs: 30_000 }) : delivered()));
    t.enqueue(newRoutingKey(), 'dedup-429');
    t.sender.start();
    await flush();
    expect(t.clock.timers()).toEqual([30_000]);
    await t.clock.advance(29_999);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.calls).toHaveLength(2);
  });

  it('gives up after DELIVERY_GIVE_UP_AFTER_MS, saying how many attempts over how long', async () => {
    const t = setup(() => http(503), { giveUpAfterMs: 60_000 });
    const id = t.enqueue(newRoutingKey(), 'dedup-503');
    t.sender.start();
    await drain(t);
    const row = t.store.get(id)!;
    expect(row.status).toBe('failed');
    expect(row.failure!.detail).toMatch(
      new RegExp(
        `^gave up after ${row.attempts.length} attempts over 1 min: PagerDuty is having trouble \\(HTTP 503\\)\\.$`,
      ),
    );
    expect(row.attempts.length).toBeGreaterThan(5);
  });

  it('never sends a resolve before its trigger is final, even when the trigger is retrying', async () => {
    const t = setup((c, n) => (n === 1 ? http(502) : delivered()));
    const key = newRoutingKey();
    t.enqueue(key, 'incident-1', 'trigger');
    t.sender.start();
    await flush();
    t.enqueue(key, 'incident-1', 'resolve');
    t.sender.wake();
    await drain(t);
    expect(t.calls.map((c) => c.event.event_action)).toEqual(['trigger', 'trigger', 'resolve']);
  });

  it('keeps at most DELIVERY_CONCURRENCY sends in flight', async () => {
    const release: (() => void)[] = [];
    const t = setup(() => new Promise<AttemptResult>((resolve) => release.push(() => resolve(delivered()))), {
      concurrency: 3,
    });
    for (let i = 0; i < 10; i++) t.enqueue(newRoutingKey(), `c-${i}`);
    t.sender.start();
    await flush();
    expect(t.sender.inFlight()).toBe(3);
    expect(t.calls).toHaveLength(3);
    release.splice(0).forEach((r) => r());
    await flush();
    expect(t.calls).toHaveLength(6);
    while (release.length) {
      release.splice(0).forEach((r) => r());
      await flush();
    }
    expect(t.store.probe.depth()).toBe(0);
  });

  it('claims a batch of due deliveries with one query, still within the pace of each key', async () => {
    const t = setup(() => new Promise<AttemptResult>(() => {}), { concurrency: 8, pace: 2 });
    const queries = countClaimQueries(t.store);
    const busy = newRoutingKey();
    for (let i = 0; i < 4; i++) t.enqueue(busy, `busy-${i}`);
    for (let i = 0; i < 3; i++) t.enqueue(newRoutingKey(), `other-${i}`);
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(5);
    expect(t.calls.filter((c) => c.event.routing_key === busy)).toHaveLength(2);
    // One query brought all 7 due rows: fewer than the 8 free slots, so nothing else was due and none followed.
    expect(queries).toEqual([7]);
  });

  it('sets no timer and sends nothing when idle, and one timer for the next retry', async () => {
    const t = setup(() => http(500));
    t.sender.start();
    await flush();
    expect(t.clock.timers()).toEqual([]);
    expect(t.calls).toHaveLength(0);
    t.enqueue(newRoutingKey(), 'idle-1');
    t.sender.wake();
    await flush();
    expect(t.calls).toHaveLength(1);
    expect(t.clock.timers()).toEqual([500]);
  });

  it('on shutdown stops claiming, then gives unfinished sends back to the queue', async () => {
    const t = setup(() => new Promise<AttemptResult>(() => {}), { concurrency: 2 });
    const ids = [0, 1, 2].map((i) => t.enqueue(newRoutingKey(), `s-${i}`));
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(2);
    await t.sender.stop();
    t.sender.wake();
    await flush();
    expect(t.calls).toHaveLength(2);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE sending = 1').get()).toEqual({ n: 0 });
    expect(ids.map((id) => t.store.get(id)!.status)).toEqual(['pending', 'pending', 'pending']);
  });

  it('after a crash resumes every pending delivery, resending the interrupted ones with the same dedup key', async () => {
    const first = setup(() => new Promise<AttemptResult>(() => {}), { concurrency: 2 });
    const keys = [0, 1, 2, 3, 4].map((i) => `crash-${i}`);
    keys.forEach((k) => first.enqueue(newRoutingKey(), k));
    first.sender.start();
    await flush();
    expect(first.calls).toHaveLength(2);
    // No stop(): the process died with two claims in flight.
    const second = setup(() => delivered(), { dataDir: first.dataDir });
    second.sender.start();
    await drain(second);
    expect(second.store.probe.depth()).toBe(0);
    expect(second.calls.map((c) => c.event.dedup_key).sort()).toEqual(keys);
    expect(first.calls.every((c) => keys.includes(c.event.dedup_key as string))).toBe(true);
  });

  it('loses nothing through a 60 s outage under a steady stream, and stays under the per-key pace', async () => {
    const outageEnds = Date.parse('2026-03-01T09:01:00.000Z');
    const t = setup((c) => (c.at < outageEnds ? http(500) : delivered()), { pace: 100 });
    const keyA = newRoutingKey();
    const keyB = newRoutingKey();
    t.sender.start();
    const enqueued: string[] = [];
    // 90 s of firing: two executions a second on key A, one on key B.
    for (let second = 0; second < 90; second++) {
      for (const [key, n] of [
        [keyA, 2],
        [keyB, 1],
      ] as const) {
        for (let i = 0; i < n; i++) {
          const dedup = `${key === keyA ? 'a' : 'b'}-${second}-${i}`;
          enqueued.push(dedup);
          t.enqueue(key, dedup);
        }
      }
      t.sender.wake();
      await t.clock.advance(1000);
    }
    await drain(t);
    expect(t.store.probe.depth()).toBe(0);
    const deliveredKeys = t.calls.filter((c) => c.at >= outageEnds).map((c) => c.event.dedup_key as string);
    expect(new Set(deliveredKeys)).toEqual(new Set(enqueued));
    expect(t.db.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE status = 'delivered'`).get()).toEqual({ n: 270 });
    for (const key of [keyA, keyB]) {
      const times = t.calls.filter((c) => c.event.routing_key === key).map((c) => c.at);
      const busiest = Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + 60_000).length));
      expect(busiest).toBeLessThanOrEqual(100);
    }
    // Key A needed pacing, and the pacing did not starve key B.
    const timesA = t.calls.filter((c) => c.event.routing_key === keyA).map((c) => c.at);
    expect(Math.max(...timesA)).toBeGreaterThan(outageEnds + 60_000);
  });

  it('backs a delivery it cannot send off to the cap instead of spinning on it', async () => {
    const t = setup(() => {
      throw new Error('boom');
    });
    const id = t.enqueue(newRoutingKey(), 'broken');
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(1);
    expect(t.store.get(id)).toMatchObject({ status: 'retrying', attempts: [] });
    expect(t.clock.timers()).toEqual([300_000]);
  });

  it('reports the outbox depth and the age of its oldest delivery', async () => {
    const t = setup(() => http(500));
    expect(t.store.probe.depth()).toBe(0);
    expect(t.store.probe.oldestPendingAgeMs()).toBeNull();
    t.enqueue(newRoutingKey(), 'p-1');
    await t.clock.advance(5000);
    t.enqueue(newRoutingKey(), 'p-2');
    expect(t.store.probe.depth()).toBe(2);
    expect(t.store.probe.oldestPendingAgeMs()).toBe(5000);
  });
});
