import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { flowListSchema, type Flow } from '../../src/api/contract';
import { freePort, spawnReferenceServer } from '../../scripts/reference-server-process';
import { processApi } from '../test-support/process-api';
import { newRoutingKey, tempDataDir, TEST_TOKENS } from '../test-support/test-server';

/**
 * Kills the real server process with SIGKILL while it writes, restarts it on the same data, and checks that every
 * integration and flow is either fully there or not there, and that no acknowledged write was lost.
 */

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);
const dataDir = tempDataDir();
let port = 0;
let child: ChildProcess | null = null;
const tally = { rounds: 0, acknowledged: 0, attempted: 0, flowsChecked: 0, failed: 0 };

afterAll(() => {
  child?.kill('SIGKILL');
  console.info(
    `[crash] ${tally.rounds} SIGKILL rounds, ${tally.attempted} writes attempted, ${tally.acknowledged} acknowledged, ` +
      `${tally.flowsChecked} flow checks, ${tally.failed} failed`,
  );
});

/** Always the same port and data dir: each round restarts the server on what the SIGKILLed one left behind. */
async function startServer(): Promise<ChildProcess> {
  const server = await spawnReferenceServer({
    port,
    timeoutMs: 30_000,
    env: {
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-spa'),
      ADMIN_TOKEN: TEST_TOKENS.Admin,
      MANAGER_TOKEN: TEST_TOKENS.Manager,
      MEMBER_TOKEN: TEST_TOKENS.Member,
      TEST_NOTIFICATION_LIMIT: '10000',
    },
  });
  // The crash is the point of this test: it SIGKILLs the process itself instead of calling stop().
  return server.child;
}

const api = (method: string, path: string, body?: unknown) => processApi(port)(method, path, body);

/** What a flow written by this test must look like: its name says how many actions and which generation. */
function flowBody(tag: string, generation: number, count: number) {
  return {
    name: `${tag} gen=${generation} n=${count}`,
    trigger_type: 'anomaly',
    actions: Array.from({ length: count }, (_, i) => ({
      type: 'PagerDuty',
      tokenized_message: `${tag} gen=${generation} #${i}`,
      parameters: {
        severity: 'error',
        custom_details: { generation, index: i },
        ...(i === 0 ? { routing_key: newRoutingKey() } : {}),
      },
    })),
  };
}

/** The whole-or-nothing rule for one flow. */
function expectConsistent(flow: Flow) {
  const match = /^(.*) gen=(\d+) n=(\d+)$/.exec(flow.name);
  expect(match, `unexpected flow name ${flow.name}`).not.toBeNull();
  const [, tag, generation, count] = match!;
  expect(flow.actions, `flow ${flow.name} has a partial action list`).toHaveLength(Number(count));
  flow.actions.forEach((action, i) => {
    expect(action.tokenized_message).toBe(`${tag} gen=${generation} #${i}`);
    expect(action.parameters.custom_details).toEqual({ generation: Number(generation), index: i });
    expect(action.parameters.routing_key_configured).toBe(i === 0);
  });
  return Number(generation);
}

interface Ledger {
  /** Flow id -> the latest generation the server acknowledged. */
  acknowledged: Map<number, number>;
  deleted: Set<number>;
  /** Routing keys sent for the integration, in order, and the last one acknowledged. */
  keysSent: string[];
  lastAcknowledgedKey: string | null;
}

const ledger: Ledger = { acknowledged: new Map(), deleted: new Set(), keysSent: [], lastAcknowledgedKey: null };

/** Writes until the process dies under it; every 2xx is written into the ledger before the next request. */
async function writeLoop(worker: number, round: number, stop: { dead: boolean }) {
  let generation = 0;
  let own: number | null = null;
  for (let step = 0; !stop.dead; step += 1) {
    try {
      tally.attempted += 1;
      if (worker === 0 && step % 3 === 0) {
        const key = newRoutingKey();
        ledger.keysSent.push(key);
        const list = (await api('GET', '/api/integrations')).body as { id: number }[];
        const response = list[0]
          ? await api('PUT', `/api/integrations/${list[0].id}`, { api_access_token: key })
          : await api('POST', '/api/integrations', { type: 'pagerduty', api_access_token: key });
        if (response.status < 300) {
          ledger.lastAcknowledgedKey = key;
          tally.acknowledged += 1;
        }
        continue;
      }
      generation += 1;
      const count = 1 + ((step + worker) % 12);
      if (own === null || step % 7 === 0) {
        const response = await api('POST', '/api/flows', flowBody(`r${round}w${worker}`, generation, count));
        if (response.status === 201) {
          own = (response.body as { id: number }).id;
          ledger.acknowledged.set(own, generation);
          tally.acknowledged += 1;
        }
      } else if (step % 11 === 0) {
        const response = await api('DELETE', `/api/flows/${own}`);
        if (response.status === 204) {
          ledger.deleted.add(own);
          ledger.acknowledged.delete(own);
          tally.acknowledged += 1;
        }
        own = null;
      } else {
        const response = await api('PUT', `/api/flows/${own}`, flowBody(`r${round}w${worker}`, generation, count));
        if (response.status === 200) {
          ledger.acknowledged.set(own, generation);
          tally.acknowledged += 1;
        }
      }
    } catch {
      return; // the connection died with the process
    }
  }
}

describe('SIGKILL during writes', () => {
  it(`keeps every integration and flow whole, and every acknowledged write, over ${ROUNDS} crashes`, async () => {
    port = await freePort();
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        child = await startServer();
        await verify();
        const stop = { dead: false };
        const workers = [0, 1, 2, 3].map((w) => writeLoop(w, round, stop));
        // Long enough for hundreds of writes, short enough to land in the middle of one.
        await new Promise((r) => setTimeout(r, 400 + ((round * 277) % 900)));
        child.kill('SIGKILL');
        await new Promise((r) => child!.once('exit', r));
        stop.dead = true;
        await Promise.all(workers);
        tally.rounds += 1;
      }
      child = await startServer();
      await verify();
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      child = null;

      const db = new Database(join(dataDir, 'qualytics.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
      expect(tally.acknowledged).toBeGreaterThan(ROUNDS * 5);
    } catch (error) {
      tally.failed += 1;
      throw error;
    }
  }, 180_000);
});

/** Reads everything back through the API after a restart and holds it to the ledger. */
async function verify() {
  const flows = flowListSchema.parse((await api('GET', '/api/flows')).body);
  const byId = new Map(flows.map((f) => [f.id, f]));
  for (const flow of flows) {
    tally.flowsChecked += 1;
    const generation = expectConsistent(flow);
    const acknowledged = ledger.acknowledged.get(flow.id);
    // A write the server had not yet acknowledged may have landed; an acknowledged one may not be missing.
    if (acknowledged !== undefined) expect(generation).toBeGreaterThanOrEqual(acknowledged);
    expect(ledger.deleted.has(flow.id), `flow ${flow.id} was deleted, yet it is back`).toBe(false);
  }
  for (const [id, generation] of ledger.acknowledged) {
    expect(byId.has(id), `acknowledged flow ${id} (generation ${generation}) was lost`).toBe(true);
  }

  const integrations = (await api('GET', '/api/integrations')).body as { id: number; type: string }[];
  expect(integrations.length).toBeLessThanOrEqual(1);
  if (ledger.lastAcknowledgedKey) expect(integrations).toHaveLength(1);
  if (integrations.length === 0) return;
  // The stored key must open and be a whole key that was sent: a test goes out with it, and says which one it was.
  const test = await api('POST', '/api/flows/actions/test-notification', {
    type: 'PagerDuty',
    tokenized_message: 'crash check',
    parameters: { routing_key: null },
  });
  expect(test.status, JSON.stringify(test.body)).toBe(200);
  const last4 = (test.body as { routing_key_last4: string }).routing_key_last4;
  const sentSinceAck = ledger.keysSent.slice(
    ledger.lastAcknowledgedKey ? ledger.keysSent.indexOf(ledger.lastAcknowledgedKey) : 0,
  );
  expect(
    sentSinceAck.some((key) => key.endsWith(last4)),
    'the stored key is neither the last acknowledged nor a later one',
  ).toBe(true);
}
