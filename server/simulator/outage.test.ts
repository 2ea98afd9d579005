import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../test-support/manual-clock';
import { startSimulator } from './simulator-harness';
import { outageStatusSchema, recordedEventSchema } from './simulator-types';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const trigger = (dedup_key: string) => ({
  routing_key: KEY,
  event_action: 'trigger',
  dedup_key,
  payload: { summary: 'Disk full', source: 'db-1', severity: 'error' },
});

const clock = manualClock();
let sim: Awaited<ReturnType<typeof startSimulator>>;
const send = (dedupKey: string) => sim.post('/v2/enqueue', trigger(dedupKey));
const outage = async () => outageStatusSchema.parse((await sim.get('/_control/outage')).json);
const statuses = async () =>
  ((await sim.get('/_control/events')).json as unknown[]).map((e) => recordedEventSchema.parse(e).status);

/** Polls (in real time: the request is in flight over a socket) until the simulator holds `count` requests. */
async function untilHeld(count: number) {
  for (let i = 0; i < 200; i++) {
    if ((await outage())?.held === count) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the simulator never held ${count} requests`);
}

beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(() => sim.close());
beforeEach(() => sim.post('/_control/reset', {}));

describe('outage control', () => {
  it('answers 500 to the next N requests, then PagerDuty is back', async () => {
    const started = await sim.post('/_control/outage', { mode: 'error', requests: 2 });
    expect(started.json).toEqual({ mode: 'error', remaining_requests: 2, ends_at: null, held: 0 });
    expect(await send('a')).toEqual({ status: 500, json: { status: 'error', message: 'Internal Server Error' } });
    expect((await outage())?.remaining_requests).toBe(1);
    expect((await send('b')).status).toBe(500);
    expect((await send('c')).status).toBe(202);
    expect(await statuses()).toEqual([500, 500, 202]);
  });

  it('answers 500 for T seconds of the injected clock, and not a moment longer', async () => {
    const started = await sim.post('/_control/outage', { mode: 'error', seconds: 60 });
    expect(started.json.ends_at).toBe(new Date(clock.now() + 60_000).toISOString());
    expect((await send('a')).status).toBe(500);
    await clock.advance(59_999);
    expect((await send('b')).status).toBe(500);
    await clock.advance(1);
    expect(await outage()).toBeNull();
    expect((await send('c')).status).toBe(202);
  });

  it('holds requests during a hang until the outage is ended, then answers them normally', async () => {
    await sim.post('/_control/outage', { mode: 'hang' });
    const first = send('held-1');
    const second = send('held-2');
    await untilHeld(2);
    expect(await statuses()).toEqual([]);
    expect((await sim.call('DELETE', '/_control/outage')).status).toBe(204);
    expect((await first).status).toBe(202);
    expect((await second).status).toBe(202);
    expect(await statuses()).toEqual([202, 202]);
    expect(await outage()).toBeNull();
  });

  it('releases a timed hang when its time is up', async () => {
    await sim.post('/_control/outage', { mode: 'hang', seconds: 30 });
    const held = send('timed');
    await untilHeld(1);
    await clock.advance(30_000);
    expect((await held).status).toBe(202);
  });

  it('hangs only the next N requests, and keeps them held until the outage is ended', async () => {
    await sim.post('/_control/outage', { mode: 'hang', requests: 1 });
    const held = send('held');
    await untilHeld(1);
    expect((await send('free')).status).toBe(202);
    expect(await outage()).toMatchObject({ mode: 'hang', remaining_requests: 0, held: 1 });
    await sim.call('DELETE', '/_control/outage');
    expect((await held).status).toBe(202);
  });

  it('drops the connection without an answer, and records the attempt with status 0', async () => {
    await sim.post('/_control/outage', { mode: 'drop', requests: 1 });
    await expect(send('dropped')).rejects.toThrow();
    expect((await send('after')).status).toBe(202);
    expect(await statuses()).toEqual([0, 202]);
  });

  it('comes before queued faults, which wait for PagerDuty to be back', async () => {
    await sim.post('/_control/faults', { kind: 'rate_limit', count: 1 });
    await sim.post('/_control/outage', { mode: 'error', requests: 1 });
    expect((await send('a')).status).toBe(500);
    expect((await send('b')).status).toBe(429);
    expect((await send('c')).status).toBe(202);
  });

  it('is ended by a reset, which also lets held requests go', async () => {
    await sim.post('/_control/outage', { mode: 'hang' });
    const held = send('held');
    await untilHeld(1);
    await sim.post('/_control/reset', {});
    expect((await held).status).toBe(202);
    expect(await outage()).toBeNull();
  });

  it('refuses a control request it cannot follow', async () => {
    for (const body of [
      {},
      { mode: 'meteor' },
      { mode: 'error', requests: 0 },
      { mode: 'error', requests: 1.5 },
      { mode: 'error', seconds: -1 },
      { mode: 'error', requests: 1, seconds: 1 },
      { mode: 'error', forever: true },
    ]) {
      const reply = await sim.post('/_control/outage', body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect(reply.json.detail).toContain('"mode": "error" | "hang" | "drop"');
    }
    expect(await outage()).toBeNull();
  });

  it('is released when the simulator closes, so a held request cannot keep it open', async () => {
    const own = await startSimulator({ clock });
    await own.post('/_control/outage', { mode: 'hang' });
    const held = own.post('/v2/enqueue', trigger('closing'));
    for (let i = 0; i < 200 && (await own.get('/_control/outage')).json.held !== 1; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await own.close();
    expect((await held).status).toBe(202);
  });
});
