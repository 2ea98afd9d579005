import { describe, expect, it } from 'vitest';
import { flush } from '../test-support/manual-clock';
import { countClaimQueries, deliveredReply, heldTransport, senderHarness } from '../test-support/sender-harness';
import { attemptRecord, failureOf } from './sender';
import type { AttemptResult } from '../integrations/connector';

const AT = '2026-03-01T09:00:00.000Z';
const unreadable: AttemptResult = {
  outcome: 'retryable',
  httpStatus: null,
  durationMs: 10_000,
  retryAfterMs: null,
  reply: null,
};

describe('the attempt record a delivery keeps', () => {
  it('holds when, how long, the HTTP status, the outcome and what PagerDuty said, and no reason once delivered', () => {
    expect(
      attemptRecord(
        deliveredReply({ durationMs: 42, failure: { code: 'pagerduty_error', detail: 'ignored once delivered' } }),
        AT,
      ),
    ).toStrictEqual({
      at: AT,
      duration_ms: 42,
      http_status: 202,
      outcome: 'delivered',
      pagerduty: { status: 'success', message: 'Event processed' },
    });
  });

  it("keeps PagerDuty's errors and the reason of an attempt that did not deliver", () => {
    const result: AttemptResult = {
      outcome: 'rejected',
      httpStatus: 400,
      durationMs: 7,
      retryAfterMs: null,
      reply: { status: 'invalid event', message: 'Event object is invalid', errors: ["'payload.summary' is missing"] },
      failure: { code: 'invalid_event', detail: "'payload.summary' is missing" },
    };
    expect(attemptRecord(result, AT)).toStrictEqual({
      at: AT,
      duration_ms: 7,
      http_status: 400,
      outcome: 'rejected',
      pagerduty: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["'payload.summary' is missing"],
      },
      detail: "'payload.summary' is missing",
    });
  });

  it('records no reply as null and invents no field PagerDuty did not send', () => {
    expect(attemptRecord(unreadable, AT)).toStrictEqual({
      at: AT,
      duration_ms: 10_000,
      http_status: null,
      outcome: 'retryable',
      pagerduty: null,
    });
    expect(
      attemptRecord({ ...unreadable, httpStatus: 502, reply: { message: 'Bad gateway' } }, AT).pagerduty,
    ).toStrictEqual({
      message: 'Bad gateway',
    });
    expect(attemptRecord({ ...unreadable, reply: { status: 'error' } }, AT).pagerduty).toStrictEqual({
      status: 'error',
    });
    expect(attemptRecord({ ...unreadable, reply: {} }, AT).pagerduty).toStrictEqual({});
  });

  it('names the failure with the transport code and reason, or a generic one when the transport gave none', () => {
    expect(
      failureOf({ ...unreadable, failure: { code: 'timeout', detail: 'PagerDuty did not answer in 10 s.' } }),
    ).toEqual({
      code: 'timeout',
      detail: 'PagerDuty did not answer in 10 s.',
    });
    expect(failureOf(unreadable)).toEqual({ code: 'pagerduty_error', detail: 'PagerDuty did not accept the event.' });
  });
});

describe('the sender records each attempt', () => {
  it('stores the attempt at the time it ended, fails a 400 with its reason, tells the metrics and warns once', async () => {
    const t = senderHarness(async () => {
      await t.clock.advance(250);
      return {
        outcome: 'rejected',
        httpStatus: 400,
        durationMs: 250,
        retryAfterMs: null,
        reply: { status: 'invalid event', message: 'Event object is invalid', errors: ['bad severity'] },
        failure: { code: 'invalid_event', detail: 'bad severity' },
      };
    });
    const id = t.enqueue('rec-400');
    t.sender.start();
    // Longer than the transport's own `advance`, which flushes before it answers; the settle commits after that.
    await flush(30);
    const row = t.store.get(id)!;
    expect(row.status).toBe('failed');
    expect(row.attempts).toEqual([
      {
        at: '2026-03-01T09:00:00.250Z',
        duration_ms: 250,
        http_status: 400,
        outcome: 'rejected',
        pagerduty: { status: 'invalid event', message: 'Event object is invalid', errors: ['bad severity'] },
        detail: 'bad severity',
      },
    ]);
    expect(row.failure).toEqual({ code: 'invalid_event', detail: 'bad severity' });
    expect(row.updated).toBe('2026-03-01T09:00:00.250Z');
    expect(t.observed).toEqual([
      { attempt: { kind: 'trigger', outcome: 'rejected', durationMs: 250 } },
      { settled: { kind: 'trigger', status: 'failed' } },
    ]);
    expect(t.logs).toEqual([
      { level: 'warn', obj: { delivery: id, kind: 'trigger', code: 'invalid_event' }, msg: 'delivery failed' },
    ]);
  });

  it('logs nothing for a delivered event and keeps no failure on it', async () => {
    const t = senderHarness(() => deliveredReply());
    const id = t.enqueue('rec-202');
    t.sender.start();
    await flush();
    expect(t.store.get(id)).toMatchObject({ status: 'delivered', failure: null, next_attempt_at: null });
    expect(t.logs).toEqual([]);
  });

  it('retries a reply it cannot read with the generic failure, recording the attempt with no PagerDuty reply', async () => {
    const t = senderHarness((_c, n) => (n === 1 ? unreadable : deliveredReply()));
    const id = t.enqueue('rec-garbage');
    t.sender.start();
    await flush();
    const row = t.store.get(id)!;
    expect(row).toMatchObject({
      status: 'retrying',
      failure: { code: 'pagerduty_error', detail: 'PagerDuty did not accept the event.' },
      next_attempt_at: '2026-03-01T09:00:00.500Z',
    });
    expect(row.attempts).toEqual([
      { at: AT, duration_ms: 10_000, http_status: null, outcome: 'retryable', pagerduty: null },
    ]);
    expect(t.logs).toEqual([]);
  });

  it('when sending crashes, says so for an operator and backs the delivery off with a failure of its own', async () => {
    const t = senderHarness((_c, n) => {
      if (n === 1) throw new Error('socket exploded');
      throw 'not an Error';
    });
    const first = t.enqueue('crash-1');
    const second = t.enqueue('crash-2');
    t.sender.start();
    await flush();
    for (const id of [first, second])
      expect(t.store.get(id)).toMatchObject({
        status: 'retrying',
        attempts: [],
        failure: { code: 'pagerduty_error', detail: 'This server failed to send the event; it will try again.' },
        next_attempt_at: '2026-03-01T09:05:00.000Z',
      });
    expect(t.logs).toEqual([
      { level: 'error', obj: { delivery: first, err: 'socket exploded' }, msg: 'delivery attempt crashed' },
      { level: 'error', obj: { delivery: second, err: 'unknown' }, msg: 'delivery attempt crashed' },
    ]);
    expect(t.claimed()).toBe(0);
  });
});

describe('the sender under load', () => {
  it('asks the store once for the slots that sends ending together free, and once per wake while every slot is busy', async () => {
    const held = heldTransport();
    const t = senderHarness(held.script, { concurrency: 4 });
    const queries = countClaimQueries(t.store);
    let dueQueries = 0;
    const nextDueMs = t.store.nextDueMs;
    t.store.nextDueMs = (now) => {
      dueQueries++;
      return nextDueMs(now);
    };
    for (let i = 0; i < 10; i++) t.enqueue(`load-${i}`);
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(4);
    expect(queries).toEqual([4]);
    // Every slot busy: a wake (an enqueue) costs no query, not even the one for the next retry's timer.
    const dueBefore = dueQueries;
    t.enqueue('load-10');
    t.sender.wake();
    t.sender.wake();
    await flush();
    expect(queries).toEqual([4]);
    expect(dueQueries).toBe(dueBefore);
    // The four sends end in the same turn: one query claims four more.
    for (let n = 1; n <= 4; n++) held.finish(n, deliveredReply());
    await flush();
    expect(t.calls).toHaveLength(8);
    expect(queries).toEqual([4, 4]);
  });
});
