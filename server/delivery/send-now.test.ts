import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptResult } from '../integrations/connector';
import { createSecretBox } from '../crypto/secret-box';
import { openDatabase } from '../store/database';
import { deliveredReply } from '../test-support/sender-harness';
import { manualClock } from '../test-support/manual-clock';
import { newRoutingKey, tempDataDir } from '../test-support/test-server';
import { createDeliveriesStore } from './deliveries-store';
import { createHealthStore } from './health-store';
import { createSendNow, SYNC_MAX_ATTEMPTS, toSendOutcome } from './send-now';

const failedReply = (httpStatus: number | null, extra: Partial<AttemptResult> = {}): AttemptResult => ({
  outcome: httpStatus !== null && httpStatus < 429 ? 'rejected' : 'retryable',
  httpStatus,
  durationMs: 4,
  retryAfterMs: null,
  reply: null,
  failure: { code: 'pagerduty_error', detail: 'PagerDuty said no.' },
  ...extra,
});

describe('toSendOutcome', () => {
  it("answers PagerDuty's acceptance, with the dedup key only when PagerDuty sent one", () => {
    expect(toSendOutcome(deliveredReply())).toStrictEqual({
      ok: true,
      reply: { status: 'success', message: 'Event processed', dedup_key: 'd' },
    });
    const withoutKey = toSendOutcome(deliveredReply({ reply: { status: 'success', message: 'ok' } }));
    expect(withoutKey).toStrictEqual({ ok: true, reply: { status: 'success', message: 'ok' } });
    expect(toSendOutcome(deliveredReply({ reply: null }))).toStrictEqual({
      ok: true,
      reply: { status: '', message: '' },
    });
  });

  it('passes a refusal through, says PagerDuty is in trouble from 500 up, and has a reason when none came', () => {
    expect(toSendOutcome(failedReply(400))).toEqual({
      ok: false,
      failure: { code: 'pagerduty_error', detail: 'PagerDuty said no.' },
    });
    expect(toSendOutcome(failedReply(429))).toEqual({
      ok: false,
      failure: { code: 'pagerduty_error', detail: 'PagerDuty said no.' },
    });
    expect(toSendOutcome(failedReply(500))).toEqual({
      ok: false,
      failure: {
        code: 'pagerduty_error',
        detail: `PagerDuty is having trouble (HTTP 500, still failing after ${SYNC_MAX_ATTEMPTS} tries). Try again in a few minutes.`,
      },
    });
    expect(toSendOutcome(failedReply(null, { failure: undefined }))).toEqual({
      ok: false,
      failure: { code: 'pagerduty_error', detail: 'PagerDuty did not accept the event.' },
    });
  });
});

describe('sendNow', () => {
  afterEach(() => vi.useRealTimers());

  function setup(script: AttemptResult[]) {
    vi.useFakeTimers();
    const db = openDatabase(tempDataDir());
    const store = createDeliveriesStore(db, createSecretBox(Buffer.alloc(32, 7)), createHealthStore(db));
    const clock = manualClock();
    let calls = 0;
    const settled: string[] = [];
    const sendNow = createSendNow({
      store,
      clock,
      retryDelayMs: 100,
      transport: async () => script[Math.min(calls++, script.length - 1)]!,
      observer: { attempt: () => undefined, settled: (e) => settled.push(e.status) },
    });
    const key = newRoutingKey();
    const send = () =>
      sendNow(
        { kind: 'test', endpoint: 'enqueue', keySource: 'integration', dedupKey: null },
        { routing_key: key, event_action: 'trigger' },
      );
    return { store, send, calls: () => calls, settled };
  }

  it('tries again after 429 and 5xx, waiting retryDelayMs times the attempt, and records every attempt', async () => {
    const { store, send, calls, settled } = setup([failedReply(429), failedReply(503), deliveredReply()]);
    const sending = send();
    await vi.advanceTimersByTimeAsync(99);
    expect(calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls()).toBe(2);
    // The second wait is twice the first.
    await vi.advanceTimersByTimeAsync(199);
    expect(calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    const { deliveryId, outcome } = await sending;
    expect(calls()).toBe(3);
    expect(outcome.ok).toBe(true);
    const row = store.get(deliveryId)!;
    expect(row).toMatchObject({ status: 'delivered', failure: null });
    expect(row.attempts.map((a) => a.http_status)).toEqual([429, 503, 202]);
    expect(settled).toEqual(['delivered']);
  });

  it('stops after three attempts, and does not wait for a refusal or for no answer at all', async () => {
    const down = setup([failedReply(500)]);
    const sending = down.send();
    await vi.advanceTimersByTimeAsync(1000);
    const { deliveryId, outcome } = await sending;
    expect(down.calls()).toBe(SYNC_MAX_ATTEMPTS);
    expect(outcome.ok).toBe(false);
    expect(down.store.get(deliveryId)).toMatchObject({
      status: 'failed',
      failure: { code: 'pagerduty_error', detail: 'PagerDuty said no.' },
    });
    expect(down.settled).toEqual(['failed']);

    for (const once of [failedReply(400), failedReply(null)]) {
      const { send, calls, store } = setup([once]);
      const sent = send();
      // Time enough for both retries: had it waited to try again, the transport would have seen three calls.
      await vi.advanceTimersByTimeAsync(1000);
      const result = await sent;
      expect(calls()).toBe(1);
      expect(store.get(result.deliveryId)!.status).toBe('failed');
    }
  });

  it('marks its rows as sent by the request, so the background sender never claims them', async () => {
    const { send, store } = setup([deliveredReply()]);
    const { deliveryId } = await send();
    expect(store.row(deliveryId)!.sync).toBe(1);
  });
});
