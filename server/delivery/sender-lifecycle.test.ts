import { afterEach, describe, expect, it, vi } from 'vitest';
import { flush } from '../test-support/manual-clock';
import { deliveredReply, heldTransport, senderHarness } from '../test-support/sender-harness';
import { newRoutingKey } from '../test-support/test-server';
import type { AttemptResult } from '../integrations/connector';

const http500: AttemptResult = {
  outcome: 'retryable',
  httpStatus: 500,
  durationMs: 3,
  retryAfterMs: null,
  reply: { status: 'error', message: 'HTTP 500' },
  failure: { code: 'pagerduty_error', detail: 'PagerDuty is having trouble (HTTP 500).' },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('starting the sender', () => {
  it('sends nothing before start(), which first gives back claims a crash left', async () => {
    const t = senderHarness(() => deliveredReply());
    const id = t.enqueue('before-start');
    t.sender.wake();
    await flush();
    expect(t.calls).toHaveLength(0);
    expect(t.store.get(id)!.status).toBe('pending');
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(1);
    expect(t.store.get(id)!.status).toBe('delivered');
  });

  it('starting again while a send is in flight does not send that delivery twice', async () => {
    const held = heldTransport();
    const t = senderHarness(held.script);
    const id = t.enqueue('started-twice');
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(1);
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(1);
    held.finish(1, deliveredReply());
    await flush();
    expect(t.store.get(id)!.status).toBe('delivered');
  });
});

describe('the sender timer', () => {
  it('is set to the earliest thing due: a retry is not held up by another key waiting for pacing room', async () => {
    const paced = newRoutingKey();
    const t = senderHarness(
      (c) => (c.event.dedup_key === 'retried' && c.at === t.calls[0]!.at ? http500 : deliveredReply()),
      {
        pace: 2,
      },
    );
    t.enqueue('paced-1', paced);
    t.enqueue('paced-2', paced);
    t.enqueue('retried', newRoutingKey());
    t.enqueue('paced-3', paced);
    t.sender.start();
    await flush();
    expect(t.calls.map((c) => c.event.dedup_key)).toEqual(['paced-1', 'paced-2', 'retried']);
    // The retry in 500 ms, not the paced key's room in 60 s.
    expect(t.clock.timers()).toEqual([500]);
    await t.clock.advance(500);
    expect(t.calls.map((c) => c.event.dedup_key)).toEqual(['paced-1', 'paced-2', 'retried', 'retried']);
    expect(t.clock.timers()).toEqual([59_500]);
    await t.clock.advance(59_500);
    expect(t.calls.map((c) => [c.event.dedup_key, c.at - t.calls[0]!.at])).toEqual([
      ['paced-1', 0],
      ['paced-2', 0],
      ['retried', 0],
      ['retried', 500],
      ['paced-3', 60_000],
    ]);
    expect(t.clock.timers()).toEqual([]);
  });

  it('still fires for a retry that fell due while the claim query ran (neither claimed nor in the future)', async () => {
    const t = senderHarness((_call, n) => (n === 1 ? http500 : deliveredReply()));
    const id = t.enqueue('due-meanwhile');
    t.sender.start();
    await flush();
    expect(t.store.get(id)!.status).toBe('retrying');
    const due = t.store.row(id)!.next_attempt_ms!;
    // The sender's time jumps past the retry while one claim query runs: asked before it was due, answered after.
    const internal = t.clock.now;
    let skew = 0;
    t.clock.now = () => internal() + skew;
    const nextClaimable = t.store.nextClaimable;
    t.store.nextClaimable = (now, blocked, limit) => {
      const rows = nextClaimable(now, blocked, limit);
      if (now < due) skew = due + 10 - internal();
      return rows;
    };
    t.sender.wake();
    await Promise.resolve();
    expect(t.calls).toHaveLength(1);
    // A timer is set (at once), and it sends the retry; without it the delivery would wait for the next wake.
    await t.clock.advance(0);
    await flush();
    expect(t.calls).toHaveLength(2);
    expect(t.store.get(id)!.status).toBe('delivered');
  });

  it('is only ever one, however often the sender is woken', async () => {
    const t = senderHarness(() => http500);
    t.enqueue('one');
    t.sender.start();
    await flush();
    await t.clock.advance(200);
    t.enqueue('two');
    t.sender.wake();
    t.sender.wake();
    await flush();
    expect(t.calls).toHaveLength(2);
    expect(t.clock.timers()).toEqual([300]);
  });
});

describe('stopping the sender', () => {
  it('waits for a send in flight that finishes within the bound and records it', async () => {
    const held = heldTransport();
    const t = senderHarness(held.script);
    const id = t.enqueue('finishes');
    t.sender.start();
    await flush();
    expect(t.sender.inFlight()).toBe(1);
    const stopped = t.sender.stop();
    held.finish(1, deliveredReply());
    await stopped;
    expect(t.store.get(id)).toMatchObject({ status: 'delivered', attempts: [{ outcome: 'delivered' }] });
    expect(t.claimed()).toBe(0);
    expect(t.sender.inFlight()).toBe(0);
  });

  it('gives back a send that outlives the bound and records nothing when it answers late', async () => {
    const held = heldTransport();
    const t = senderHarness(held.script, { concurrency: 2 });
    const late = t.enqueue('late');
    const crashes = t.enqueue('late-crash');
    t.sender.start();
    await flush();
    expect(t.calls).toHaveLength(2);
    await t.sender.stop();
    expect(t.claimed()).toBe(0);
    expect(t.sender.inFlight()).toBe(0);
    held.finish(1, deliveredReply());
    held.finish(2, Promise.reject(new Error('too late')) as never);
    await flush();
    for (const id of [late, crashes])
      expect(t.store.get(id)).toMatchObject({
        status: 'pending',
        attempts: [],
        failure: null,
        next_attempt_at: t.store.get(id)!.created,
      });
    expect(t.observed).toEqual([]);
  });

  it('leaves no timer behind: a retry due later is not sent by a stopped sender', async () => {
    const t = senderHarness(() => http500);
    const id = t.enqueue('stopped-retry');
    t.sender.start();
    await flush();
    expect(t.clock.timers()).toEqual([500]);
    await t.sender.stop();
    expect(t.clock.timers()).toEqual([]);
    await t.clock.advance(3_600_000);
    t.sender.wake();
    await flush();
    expect(t.calls).toHaveLength(1);
    expect(t.store.get(id)!.status).toBe('retrying');
  });

  it('waits no longer than DELIVERY_SHUTDOWN_WAIT_MS of wall-clock time, and leaves no wall-clock timer once done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const held = heldTransport();
    const t = senderHarness(held.script, { concurrency: 2 });
    t.enqueue('bounded-1');
    t.enqueue('bounded-2');
    t.sender.start();
    await flush();
    let done = false;
    const stopped = t.sender.stop().then(() => (done = true));
    held.finish(1, deliveredReply());
    await flush();
    vi.advanceTimersByTime(49);
    await flush();
    expect(done).toBe(false);
    vi.advanceTimersByTime(1);
    await stopped;
    expect(t.claimed()).toBe(0);

    const quick = senderHarness(held.script);
    quick.enqueue('quick');
    quick.sender.start();
    await flush();
    const quickStop = quick.sender.stop();
    held.finish(3, deliveredReply());
    await quickStop;
    expect(vi.getTimerCount()).toBe(0);
  });
});
