import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnReferenceServer, type ReferenceServerProcess } from '../../scripts/reference-server-process';
import { processApi } from '../test-support/process-api';
import { spawnSimulator, type SimulatorProcess } from '../test-support/simulator-process';
import { routingKeyTracker, tempDataDir, TEST_TOKENS } from '../test-support/test-server';

/**
 * The outbox survives a SIGKILL: 200 triggers are enqueued while PagerDuty hangs, the server is killed with sends in
 * flight, and after a restart on the same data every trigger reaches PagerDuty; the ones whose send was cut off
 * arrive again under the same dedup key, so PagerDuty merges them instead of opening a second alert. PagerDuty is a
 * simulator in its own process, so it keeps counting across the crash.
 */

const EXECUTIONS = 10;
const ACTIONS = 20;
const TOTAL = EXECUTIONS * ACTIONS;
const CONCURRENCY = 8;

const dataDir = tempDataDir();
const keys = routingKeyTracker();
let server: ReferenceServerProcess | null = null;
let sim: SimulatorProcess | null = null;

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await sim?.stop();
});

async function startServer(port: number, simUrl: string) {
  return spawnReferenceServer({
    port,
    timeoutMs: 20_000,
    env: {
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-spa'),
      ADMIN_TOKEN: TEST_TOKENS.Admin,
      MANAGER_TOKEN: TEST_TOKENS.Manager,
      MEMBER_TOKEN: TEST_TOKENS.Member,
      PAGERDUTY_EVENTS_URL: simUrl,
      // Longer than the test: a held send must still be in flight when the process dies.
      PAGERDUTY_TIMEOUT_MS: '60000',
      DELIVERY_CONCURRENCY: String(CONCURRENCY),
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_RETRY_MAX_MS: '500',
    },
  });
}

/** Polls `probe` until it answers non-null, at most until `deadline` (epoch ms). */
async function until<T>(what: string, deadline: number, probe: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface TriggerDelivery {
  id: number;
  status: string;
  dedup_key: string;
  key_last4: string;
}

async function triggerDeliveries(port: number): Promise<TriggerDelivery[]> {
  const all: TriggerDelivery[] = [];
  const api = processApi(port);
  let cursor: string | null = null;
  do {
    const page = await api(
      'GET',
      `/api/notifications/deliveries?kind=trigger&limit=100${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status, page.text).toBe(200);
    all.push(...(page.body.items as TriggerDelivery[]));
    cursor = page.body.next_cursor as string | null;
  } while (cursor);
  return all;
}

describe('SIGKILL with deliveries in flight', () => {
  it(`delivers all ${TOTAL} triggers after a restart, duplicates under the same dedup key`, async () => {
    const deadline = Date.now() + 55_000;
    const [port, simPort] = [await freePort(), await freePort()];
    sim = await spawnSimulator(simPort);
    server = await startServer(port, sim.url);
    const api = processApi(port);

    const integration = await api('POST', '/api/integrations', {
      type: 'pagerduty',
      api_access_token: keys.key(),
    });
    expect(integration.status, integration.text).toBe(201);
    // One action on the integration's key, the others with keys of their own: the sender paces each key below
    // PagerDuty's ~120 a minute, so 200 triggers on one key could not all go out within the test.
    const flow = await api('POST', '/api/flows', {
      name: 'crash flow',
      trigger_type: 'anomaly',
      actions: Array.from({ length: ACTIONS }, (_, i) => ({
        type: 'PagerDuty',
        tokenized_message: `crash action ${i}`,
        parameters: { severity: 'error', ...(i === 0 ? {} : { routing_key: keys.key() }) },
      })),
    });
    expect(flow.status, flow.text).toBe(201);

    await sim.outage({ mode: 'hang' });
    for (let i = 0; i < EXECUTIONS; i++) {
      const execution = await api('POST', `/api/flows/${flow.body.id}/executions`, {});
      expect(execution.status, execution.text).toBe(202);
      expect(execution.body.actions).toHaveLength(ACTIONS);
    }
    // The sender has claimed as many as it may and PagerDuty holds them all: the crash cuts these sends off.
    const held = await until('sends held by PagerDuty', deadline, async () => {
      const status = await sim!.outageStatus();
      return status && status.held >= CONCURRENCY ? status.held : null;
    });

    server.child.kill('SIGKILL');
    await new Promise((resolve) => server!.child.once('exit', resolve));
    const killedOutput = server.output();
    // The held requests now get PagerDuty's answer, which nobody reads any more.
    await sim.endOutage();
    server = await startServer(port, sim.url);

    const deliveries = await until('every trigger delivered', deadline, async () => {
      const list = await triggerDeliveries(port);
      return list.length === TOTAL && list.every((d) => d.status === 'delivered') ? list : null;
    });
    const dedupKeys = new Set(deliveries.map((d) => d.dedup_key));
    expect(dedupKeys.size).toBe(TOTAL);

    const triggers = (await sim.events()).filter(
      (e) =>
        e.endpoint === 'enqueue' &&
        e.status === 202 &&
        (e.body as { event_action?: string }).event_action === 'trigger',
    );
    const byDedupKey = new Map<string, { routing_key: string; payload: { summary: string } }[]>();
    for (const event of triggers) {
      const body = event.body as { dedup_key: string; routing_key: string; payload: { summary: string } };
      byDedupKey.set(body.dedup_key, [...(byDedupKey.get(body.dedup_key) ?? []), body]);
    }
    // None lost, none invented: PagerDuty saw exactly the server's dedup keys.
    expect(new Set(byDedupKey.keys())).toEqual(dedupKeys);
    // A resent trigger is the same event: same routing key and summary under its dedup key.
    for (const delivery of deliveries) {
      const received = byDedupKey.get(delivery.dedup_key)!;
      expect(new Set(received.map((e) => e.routing_key.slice(-4)))).toEqual(new Set([delivery.key_last4]));
      expect(new Set(received.map((e) => e.payload.summary)).size).toBe(1);
    }
    const duplicates = triggers.length - TOTAL;
    // Every send the crash cut off went out again (at-least-once), and PagerDuty merged it into the open alert.
    expect(duplicates).toBeGreaterThanOrEqual(held);
    const alerts = await sim.alerts();
    expect(alerts).toHaveLength(TOTAL);
    expect(alerts.every((a) => a.status === 'triggered')).toBe(true);
    expect(alerts.reduce((sum, a) => sum + a.merged, 0)).toBe(duplicates);

    for (const key of keys.used) {
      expect(killedOutput).not.toContain(key);
      expect(server.output()).not.toContain(key);
    }
    console.info(
      `[delivery-crash] ${TOTAL} triggers, ${held} in flight at the SIGKILL, ${duplicates} duplicates merged`,
    );
    await server.stop();
    server = null;
  }, 60_000);
});
