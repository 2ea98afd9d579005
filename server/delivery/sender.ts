import type { DeliveryAttempt, DeliveryFailure } from '../../src/api/contract';
import type { AttemptResult, Connector } from '../integrations/connector';
import type { Clock, RandomSource } from './clock';
import type { DeliveriesStore, Settlement } from './deliveries-store';
import type { DeliveryRow } from './delivery-row';
import type { GroupCommit } from '../store/group-commit';
import type { DeliveryObserver } from './observer';
import type { Pacer } from './pacer';
import { decideRetry, type RetryPolicy } from './retry-policy';

/** One attempt, no retries: the PagerDuty connector's `send` (its `attemptEvent`); tests pass a script. */
export type DeliveryTransport = NonNullable<Connector['send']>;

export interface SenderOptions {
  store: DeliveriesStore;
  /** Settlements go through it: the sends that end in one turn of the event loop share a commit. */
  commits: GroupCommit;
  transport: DeliveryTransport;
  observer: DeliveryObserver;
  clock: Clock;
  random: RandomSource;
  pacer: Pacer;
  policy: RetryPolicy;
  concurrency: number;
  /** How long shutdown waits for sends in flight before giving their claims back. */
  shutdownWaitMs: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface Sender {
  start(): void;
  /** Something was enqueued: look now (in a microtask, so the wakes of one moment share a pump), not at the timer. */
  wake(): void;
  /** Stops claiming, waits for sends in flight up to the bound, gives the rest back to the queue. */
  stop(): Promise<void>;
  inFlight(): number;
}

/** One attempt as the delivery records it. */
export function attemptRecord(result: AttemptResult, at: string): DeliveryAttempt {
  const { status, message, errors } = result.reply ?? {};
  return {
    at,
    duration_ms: result.durationMs,
    http_status: result.httpStatus,
    outcome: result.outcome,
    pagerduty: result.reply
      ? {
          ...(status === undefined ? {} : { status }),
          ...(message === undefined ? {} : { message }),
          ...(errors ? { errors } : {}),
        }
      : null,
    ...(result.failure && result.outcome !== 'delivered' ? { detail: result.failure.detail } : {}),
  };
}

export const failureOf = (result: AttemptResult): DeliveryFailure => ({
  code: result.failure?.code ?? 'pagerduty_error',
  detail: result.failure?.detail || 'PagerDuty did not accept the event.',
});

/**
 * The outbox's sender: claims due deliveries from SQLite (never from memory alone), sends each once, records
 * the attempt and decides what comes next. Idle, it sleeps on one timer set to the next due retry; an enqueue
 * or a finished send wakes it.
 */
export function createSender(options: SenderOptions): Sender {
  const { store, transport, observer, clock, pacer, policy } = options;
  const running = new Map<number, Promise<void>>();
  let cancelTimer: (() => void) | null = null;
  let started = false;
  let stopping = false;

  /**
   * One timer for the next retry or pacing room after `queriedAt`, the time the last claim query looked at. Not
   * "now": a retry that fell due between that query and this one was neither claimed (not due yet then) nor found
   * here (no longer in the future), and sat unsent until something else woke the sender. Asked from `queriedAt`, it
   * is found, and its timer fires at once.
   */
  function schedule(queriedAt: number) {
    cancelTimer?.();
    cancelTimer = null;
    if (stopping) return;
    const candidates = [store.nextDueMs(queriedAt), pacer.nextRoomAt(queriedAt)].filter((t): t is number => t !== null);
    if (!candidates.length) return;
    cancelTimer = clock.setTimer(pump, Math.max(0, Math.min(...candidates) - clock.now()));
  }

  // Sends that end together (their settles share a commit), and the executions of one commit, ask for one pump
  // between them, not one each: a claim query is most of what a pump costs, and one query can claim for them all.
  let pumpQueued = false;
  function pumpSoon() {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  }

  function pump() {
    if (!started || stopping) return;
    // Every slot taken: each send in flight pumps again when it ends, which claims and sets the timer then.
    // Asking the store now would cost a query per enqueue for nothing.
    if (running.size >= options.concurrency) return;
    // Another query only when the last one filled every free slot: a shorter answer means nothing else is due.
    let more: boolean;
    let queriedAt: number;
    do {
      const now = (queriedAt = clock.now());
      const wanted = options.concurrency - running.size;
      const rows = store.nextClaimable(now, pacer.blocked(now), wanted);
      // No row of a batch shares a dedup key with an earlier unfinished one (the query sees to it), but several
      // may share a routing key: each is checked against the pacer as it is taken, the rest wait for the next query.
      const paced = rows.filter((row) => {
        if (!pacer.allows(row.key_hash ?? '', now)) return false;
        pacer.take(row.key_hash ?? '', now);
        return true;
      });
      // One statement claims the batch; a row someone else claimed meanwhile is not started.
      const claimed = store.claimAll(paced.map((row) => row.id));
      for (const row of paced) if (claimed.has(row.id)) start(row);
      more = rows.length === wanted && claimed.size > 0;
    } while (more && running.size < options.concurrency);
    schedule(queriedAt);
  }

  function start(row: DeliveryRow) {
    const send = attempt(row)
      .catch((error: unknown) => {
        options.log.error(
          { delivery: row.id, err: error instanceof Error ? error.message : 'unknown' },
          'delivery attempt crashed',
        );
        // Not released for an immediate retry, which would spin on a row that cannot be sent: back off to the cap.
        if (stopping) return;
        const now = clock.now();
        store.settle(
          row.id,
          null,
          {
            status: 'retrying',
            nextAttemptMs: now + policy.maxMs,
            failure: { code: 'pagerduty_error', detail: 'This server failed to send the event; it will try again.' },
          },
          now,
        );
      })
      .finally(() => {
        running.delete(row.id);
        pumpSoon();
      });
    running.set(row.id, send);
  }

  async function attempt(row: DeliveryRow) {
    const key = store.routingKey(row);
    const event = { ...(JSON.parse(row.event ?? '{}') as Record<string, unknown>), routing_key: key ?? '' };
    const result = await transport(row.endpoint, event);
    // Shut down meanwhile: the claim was given back and the row will be sent again; record nothing.
    if (stopping && !running.has(row.id)) return;
    const now = clock.now();
    const attempts = (JSON.parse(row.attempts) as unknown[]).length + 1;
    observer.attempt({ kind: row.kind, outcome: result.outcome, durationMs: result.durationMs });
    let settlement: Settlement;
    if (result.outcome === 'delivered') settlement = { status: 'delivered' };
    else if (result.outcome === 'rejected') settlement = { status: 'failed', failure: failureOf(result) };
    else {
      const decision = decideRetry(
        policy,
        { nowMs: now, enqueuedMs: row.enqueued_ms, attempts, retryAfterMs: result.retryAfterMs },
        options.random,
      );
      settlement = decision.retry
        ? { status: 'retrying', nextAttemptMs: decision.atMs, failure: failureOf(result) }
        : {
            status: 'failed',
            failure: { code: failureOf(result).code, detail: `${decision.detail}: ${failureOf(result).detail}` },
          };
    }
    await options.commits.run(() =>
      store.settle(row.id, attemptRecord(result, new Date(now).toISOString()), settlement, now),
    );
    if (settlement.status !== 'retrying') observer.settled({ kind: row.kind, status: settlement.status });
    if (settlement.status === 'failed')
      options.log.warn({ delivery: row.id, kind: row.kind, code: settlement.failure.code }, 'delivery failed');
  }

  return {
    start() {
      // Recovering again would give back the claims of sends in flight, and send those deliveries twice.
      if (started) return;
      store.recover(clock.now());
      started = true;
      pump();
    },
    wake: pumpSoon,
    inFlight: () => running.size,
    async stop() {
      stopping = true;
      cancelTimer?.();
      cancelTimer = null;
      if (running.size) {
        // Wall-clock on purpose: this bounds how long the process takes to exit, whatever clock the sender runs on.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...running.values()]),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, options.shutdownWaitMs))),
        ]);
        clearTimeout(timer);
      }
      const unfinished = [...running.keys()];
      running.clear();
      if (unfinished.length) store.release(unfinished);
    },
  };
}
