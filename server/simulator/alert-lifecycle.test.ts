import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './simulator-harness';
import { recordedEventSchema, simAlertSchema, type SimAlert } from './simulator-types';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const OTHER_KEY = 'Zbcdefghijklmnopqrstuvwxyz019876';
let sim: Awaited<ReturnType<typeof startSimulator>>;

const event = (event_action: string, dedup_key?: string, routing_key = KEY) => ({
  routing_key,
  event_action,
  ...(dedup_key === undefined ? {} : { dedup_key }),
  ...(event_action === 'trigger' ? { payload: { summary: 'Disk full', source: 'db-1', severity: 'error' } } : {}),
});
const send = (action: string, dedupKey?: string, routingKey?: string) =>
  sim.post('/v2/enqueue', event(action, dedupKey, routingKey));
const alerts = async (): Promise<SimAlert[]> => {
  const reply = await sim.get('/_control/alerts');
  return (reply.json as unknown[]).map((a) => simAlertSchema.parse(a));
};
const effects = async () =>
  ((await sim.get('/_control/events')).json as unknown[]).map((e) => recordedEventSchema.parse(e).effect);

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.post('/_control/reset', {}));

describe('alerts by routing key and dedup key', () => {
  it('opens an alert on a trigger and merges later triggers of the same dedup key into it', async () => {
    expect((await send('trigger', 'disk/db-1')).status).toBe(202);
    expect((await send('trigger', 'disk/db-1')).json).toEqual({
      status: 'success',
      message: 'Event processed',
      dedup_key: 'disk/db-1',
    });
    await send('trigger', 'disk/db-1');
    const [alert, ...rest] = await alerts();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      routing_key_last4: '2345',
      dedup_key: 'disk/db-1',
      status: 'triggered',
      summary: 'Disk full',
      severity: 'error',
      merged: 2,
      acknowledged_at: null,
      resolved_at: null,
    });
    expect(await effects()).toEqual(['opened', 'merged', 'merged']);
  });

  it('walks triggered -> acknowledged -> resolved, and a trigger after the resolve opens a new alert', async () => {
    await send('trigger', 'cpu');
    await send('acknowledge', 'cpu');
    expect((await alerts())[0]).toMatchObject({ status: 'acknowledged', merged: 0 });
    // A trigger while acknowledged merges and leaves it acknowledged, as PagerDuty does.
    await send('trigger', 'cpu');
    expect((await alerts())[0]).toMatchObject({ status: 'acknowledged', merged: 1 });
    const resolved = await send('resolve', 'cpu');
    expect(resolved).toEqual({
      status: 202,
      json: { status: 'success', message: 'Event processed', dedup_key: 'cpu' },
    });
    await send('trigger', 'cpu');
    const [first, second] = await alerts();
    expect(first).toMatchObject({ status: 'resolved', merged: 1 });
    expect(first!.acknowledged_at).not.toBeNull();
    expect(first!.resolved_at).not.toBeNull();
    expect(second).toMatchObject({ dedup_key: 'cpu', status: 'triggered', merged: 0 });
    expect(second!.id).not.toBe(first!.id);
    expect(await effects()).toEqual(['opened', 'acknowledged', 'merged', 'resolved', 'opened']);
  });

  it('drops acknowledge and resolve of a resolved or unknown alert, still answering 202', async () => {
    await send('trigger', 'mem');
    await send('resolve', 'mem');
    for (const [action, key] of [
      ['acknowledge', 'mem'],
      ['resolve', 'mem'],
      ['acknowledge', 'never-triggered'],
      ['resolve', 'never-triggered'],
    ] as const) {
      expect(await send(action, key)).toEqual({
        status: 202,
        json: { status: 'success', message: 'Event processed', dedup_key: key },
      });
    }
    const list = await alerts();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ dedup_key: 'mem', status: 'resolved', acknowledged_at: null });
    expect(await effects()).toEqual(['opened', 'resolved', 'dropped', 'dropped', 'dropped', 'dropped']);
  });

  it('keeps alerts of different routing keys apart: another key cannot acknowledge or resolve them', async () => {
    await send('trigger', 'shared');
    expect((await send('resolve', 'shared', OTHER_KEY)).status).toBe(202);
    expect((await send('acknowledge', 'shared', OTHER_KEY)).status).toBe(202);
    await send('trigger', 'shared', OTHER_KEY);
    const list = await alerts();
    expect(list.map((a) => [a.routing_key_last4, a.status, a.merged])).toEqual([
      ['2345', 'triggered', 0],
      ['9876', 'triggered', 0],
    ]);
    expect(await effects()).toEqual(['opened', 'dropped', 'dropped', 'opened']);
  });

  it('opens an alert under the generated dedup key of a trigger that has none', async () => {
    const reply = await send('trigger');
    const [alert] = await alerts();
    expect(alert!.dedup_key).toBe(reply.json.dedup_key);
  });

  it('never lists a routing key, and refused or change events touch no alert', async () => {
    await sim.post('/_control/revoke', { routing_key: KEY });
    expect((await send('trigger', 'x')).status).toBe(400);
    await sim.post('/_control/reset', {});
    await sim.post('/v2/change/enqueue', { routing_key: KEY, payload: { summary: 'Deploy' } });
    await sim.post('/_control/faults', { kind: 'server_error', count: 1 });
    expect((await send('trigger', 'y')).status).toBe(500);
    expect(await alerts()).toEqual([]);
    await send('trigger', 'z');
    expect(JSON.stringify((await sim.get('/_control/alerts')).json)).not.toContain(KEY);
    await sim.post('/_control/reset', {});
    expect(await alerts()).toEqual([]);
  });
});
