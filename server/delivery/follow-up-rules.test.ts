import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  deliverySchema,
  executionSchema,
  integrationSchema,
  type Delivery,
  type Execution,
} from '../../src/api/contract';
import { leakedSecrets, routingKeyTracker, startTestServer, type TestServer } from '../test-support/test-server';
import { NOT_CONNECTED } from './execute-flow';

/**
 * The refusals of retry, acknowledge and resolve (each with the reason a manager reads), how an execution reads
 * when an action was skipped or failed, and the exact end of a keyset listing. deliveries.test.ts and
 * executions.test.ts cover the paths that succeed.
 */
let server: TestServer;
const { key, used } = routingKeyTracker();
let integrationId: number;

beforeAll(async () => {
  server = await startTestServer({ DELIVERY_RETRY_BASE_MS: '20', DELIVERY_RETRY_MAX_MS: '40' });
  const created = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: key() },
  });
  integrationId = created.body.id;
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.sim.endOutage();
  await server.sim.reset();
});

const delivery = async (id: number) =>
  deliverySchema.parse((await server.api('GET', `/api/notifications/deliveries/${id}`)).body);

async function settled(id: number): Promise<Delivery> {
  await expect.poll(async () => (await delivery(id)).status, { timeout: 15_000 }).toMatch(/delivered|failed|skipped/);
  return delivery(id);
}

async function newFlow(actions: Record<string, unknown>[]) {
  const flow = await server.api('POST', '/api/flows', {
    body: {
      name: 'Nightly load',
      trigger_type: 'operation',
      actions: actions.map((parameters) => ({ type: 'PagerDuty', tokenized_message: 'Late', parameters })),
    },
  });
  expect(flow.status, flow.text).toBe(201);
  return flow.body.id as number;
}

async function execution(id: number): Promise<Execution> {
  await expect
    .poll(async () => (await server.api('GET', `/api/flows/executions/${id}`)).body.status, { timeout: 15_000 })
    .not.toBe('running');
  return executionSchema.parse((await server.api('GET', `/api/flows/executions/${id}`)).body);
}

/** Runs a one-action flow and waits for its trigger to settle. */
async function fire(parameters: Record<string, unknown> = {}): Promise<Delivery> {
  const run = await server.api('POST', `/api/flows/${await newFlow([parameters])}/executions`, { body: {} });
  return settled(run.body.actions[0].delivery_id);
}

const post = (id: number, what: 'retry' | 'acknowledge' | 'resolve') =>
  server.api('POST', `/api/notifications/deliveries/${id}/${what}`);

describe('acknowledge and resolve refuse', () => {
  it('a second acknowledge or resolve while one is on its way, and an acknowledge of an acknowledged incident', async () => {
    const trigger = await fire();
    // PagerDuty down: the follow-ups stay in the queue, retrying.
    await server.sim.outage({ mode: 'error' });
    const ack = await post(trigger.id, 'acknowledge');
    expect(ack.status, ack.text).toBe(202);
    const ackAgain = await post(trigger.id, 'acknowledge');
    expect(ackAgain.status).toBe(409);
    expect(ackAgain.body.detail).toBe('A acknowledge of this incident is already on its way to PagerDuty.');
    // An acknowledge under way does not hold back a resolve...
    const resolve = await post(trigger.id, 'resolve');
    expect(resolve.status, resolve.text).toBe(202);
    // ...but a resolve under way holds back both.
    for (const what of ['acknowledge', 'resolve'] as const) {
      const refused = await post(trigger.id, what);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toBe('A resolve of this incident is already on its way to PagerDuty.');
    }
    await server.sim.endOutage();
    expect((await settled(resolve.body.id)).status).toBe('delivered');

    const other = await fire();
    expect((await settled((await post(other.id, 'acknowledge')).body.id)).status).toBe('delivered');
    expect((await delivery(other.id)).incident_state).toBe('acknowledged');
    const twice = await post(other.id, 'acknowledge');
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('This incident is already acknowledged.');
    // An acknowledged incident can still be resolved.
    expect((await post(other.id, 'resolve')).status).toBe(202);
  });

  it("count for the integration's health only while the integration still holds the trigger's key", async () => {
    const health = async () =>
      integrationSchema.parse((await server.api('GET', `/api/integrations/${integrationId}`)).body).health!;
    const lastAttempt = async () => (await health()).last_attempt_at;
    const trigger = await fire();
    const ack = await settled((await post(trigger.id, 'acknowledge')).body.id);
    expect(await lastAttempt()).toBe(ack.attempts.at(-1)!.at);

    // An override's follow-up is the action's, not the integration's.
    const override = await fire({ routing_key: key() });
    const before = await lastAttempt();
    await settled((await post(override.id, 'resolve')).body.id);
    expect(await lastAttempt()).toBe(before);

    // Nor does one sent with a key the integration no longer holds.
    const old = await fire();
    const put = await server.api('PUT', `/api/integrations/${integrationId}`, { body: { api_access_token: key() } });
    expect(put.status, put.text).toBe(200);
    const rotated = await lastAttempt();
    await settled((await post(old.id, 'resolve')).body.id);
    expect(await lastAttempt()).toBe(rotated);
  });
});

describe('retry refuses', () => {
  it('anything but a failed trigger, with the reason', async () => {
    const validation = (await server.api('GET', '/api/notifications/deliveries?kind=validation&limit=1')).body
      .items[0] as Delivery;
    const notTrigger = await post(validation.id, 'retry');
    expect(notTrigger.status).toBe(409);
    expect(notTrigger.body.detail).toBe(
      `Delivery ${validation.id} is a validation event; only the trigger of a flow execution can be retried.`,
    );
    const delivered = await fire();
    const notFailed = await post(delivered.id, 'retry');
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.detail).toBe(`Delivery ${delivered.id} is delivered; only a failed trigger can be retried.`);
    const missing = await post(999_999, 'retry');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Delivery 999999 not found');
  });
});

describe('an execution', () => {
  it('reads failure when one action failed, keeping the reason, and success only when all were delivered', async () => {
    const revoked = key();
    await server.sim.revoke(revoked);
    const flowId = await newFlow([{}, { routing_key: revoked }]);
    const run = await server.api('POST', `/api/flows/${flowId}/executions`, { body: {} });
    const done = await execution(run.body.id);
    expect(done.status).toBe('failure');
    expect(done.actions.map((a) => a.status)).toEqual(['success', 'failure']);
    expect(done.actions[0]!.detail).toBeNull();
    expect(done.actions[1]!.detail).toMatch(/routing key/i);
    expect(done.finished).not.toBeNull();
    expect(Date.parse(done.finished!)).toBeGreaterThanOrEqual(Date.parse(done.created));
  });

  it('pages to an exact end: a last page of exactly `limit` items has no next cursor', async () => {
    const flowId = await newFlow([{}]);
    for (let i = 0; i < 2; i++) await server.api('POST', `/api/flows/${flowId}/executions`, { body: {} });
    const page = await server.api('GET', `/api/flows/${flowId}/executions?limit=2`);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.next_cursor).toBeNull();
    const deliveries = await server.api('GET', `/api/notifications/deliveries?flow_id=${flowId}&limit=2`);
    expect(deliveries.body.items).toHaveLength(2);
    expect(deliveries.body.next_cursor).toBeNull();
  });

  // Last: it disconnects PagerDuty for the rest of the file.
  it("is skipped, with the reason, for an action that has no key; and a failed trigger of the integration's key cannot be retried once PagerDuty is disconnected", async () => {
    const revoked = key();
    const put = await server.api('PUT', `/api/integrations/${integrationId}`, { body: { api_access_token: revoked } });
    expect(put.status, put.text).toBe(200);
    await server.sim.revoke(revoked);
    const failed = await fire();
    expect(failed.status).toBe('failed');
    expect((await server.api('DELETE', `/api/integrations/${integrationId}`)).status).toBe(204);
    const retry = await post(failed.id, 'retry');
    expect(retry.status).toBe(409);
    expect(retry.body.detail).toBe('PagerDuty is not connected: connect it, then retry.');

    const flowId = await newFlow([{}]);
    const run = await server.api('POST', `/api/flows/${flowId}/executions`, { body: {} });
    const done = await execution(run.body.id);
    expect(done.status).toBe('failure');
    expect(done.actions).toEqual([
      { action_id: expect.any(Number), delivery_id: expect.any(Number), status: 'skipped', detail: NOT_CONNECTED },
    ]);
  });
});

it('no response body or log line contains a routing key used above', () => {
  expect(leakedSecrets(server, used)).toEqual([]);
});
