import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveryPageSchema, deliverySchema, integrationSchema, type Delivery } from '../../src/api/contract';
import { eventsV2Validators } from '../test-support/events-v2-schema';
import { leakedSecrets, routingKeyTracker, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
const { key, used } = routingKeyTracker();
const validators = eventsV2Validators();
let integrationKey: string;
let integrationId: number;

beforeAll(async () => {
  server = await startTestServer({
    DELIVERY_RETRY_BASE_MS: '20',
    DELIVERY_RETRY_MAX_MS: '60',
    TEST_NOTIFICATION_LIMIT: '1000',
  });
  integrationKey = key();
  const created = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: integrationKey },
  });
  integrationId = created.body.id;
});
afterAll(() => server.close());
beforeEach(() => server.sim.reset());

const delivery = async (id: number) =>
  deliverySchema.parse((await server.api('GET', `/api/notifications/deliveries/${id}`)).body);

async function settled(id: number): Promise<Delivery> {
  await expect.poll(async () => (await delivery(id)).status, { timeout: 15_000 }).toMatch(/delivered|failed|skipped/);
  return delivery(id);
}

/** Runs a one-action flow and waits for its trigger to settle. */
async function fire(parameters: Record<string, unknown> = {}): Promise<Delivery> {
  const flow = await server.api('POST', '/api/flows', {
    body: {
      name: 'Orders',
      trigger_type: 'operation',
      actions: [{ type: 'PagerDuty', tokenized_message: 'Late', parameters }],
    },
  });
  const run = await server.api('POST', `/api/flows/${flow.body.id}/executions`, { body: {} });
  return settled(run.body.actions[0].delivery_id);
}

const rotate = async () => {
  integrationKey = key();
  const put = await server.api('PUT', `/api/integrations/${integrationId}`, {
    body: { api_access_token: integrationKey },
  });
  expect(put.status, put.text).toBe(200);
};

describe('acknowledge and resolve', () => {
  it("reach PagerDuty with the trigger's dedup key and routing key, also after the key was rotated", async () => {
    const trigger = await fire();
    const execution = async () => (await server.api('GET', `/api/flows/executions/${trigger.execution_id}`)).body;
    const finishedBefore = (await execution()).finished;
    expect(finishedBefore).toBe(trigger.attempts.at(-1)!.at);
    const oldKey = integrationKey;
    await rotate();
    const ack = await server.api('POST', `/api/notifications/deliveries/${trigger.id}/acknowledge`);
    expect(ack.status, ack.text).toBe(202);
    expect(ack.body).toMatchObject({ kind: 'acknowledge', dedup_key: trigger.dedup_key, key_last4: oldKey.slice(-4) });
    expect((await settled(ack.body.id)).status).toBe('delivered');
    expect((await delivery(trigger.id)).incident_state).toBe('acknowledged');
    const resolve = await server.api('POST', `/api/notifications/deliveries/${trigger.id}/resolve`);
    expect(resolve.status).toBe(202);
    expect((await settled(resolve.body.id)).status).toBe('delivered');
    expect((await delivery(trigger.id)).incident_state).toBe('resolved');
    // The execution ended when its trigger was delivered, whatever happened to the incident after.
    expect((await execution()).finished).toBe(finishedBefore);

    const sent = (await server.sim.events()).filter((e) => e.endpoint === 'enqueue');
    expect(sent.map((e) => [e.body.event_action, e.body.routing_key, e.body.dedup_key])).toEqual([
      ['trigger', oldKey, trigger.dedup_key],
      ['acknowledge', oldKey, trigger.dedup_key],
      ['resolve', oldKey, trigger.dedup_key],
    ]);
    for (const e of sent) expect(validators.trigger(e.body), JSON.stringify(validators.trigger.errors)).toBe(true);

    const again = await server.api('POST', `/api/notifications/deliveries/${trigger.id}/resolve`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('This incident is already resolved.');
    expect((await server.api('POST', `/api/notifications/deliveries/${trigger.id}/acknowledge`)).status).toBe(409);
  });

  it('resolves the incident a test notification opened, with the delivery id of its answer', async () => {
    const test = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'Test', parameters: {} },
    });
    expect(test.status).toBe(200);
    const recorded = await delivery(test.body.delivery_id);
    expect(recorded).toMatchObject({
      kind: 'test',
      status: 'delivered',
      incident_state: 'triggered',
      dedup_key: test.body.pagerduty.dedup_key,
      integration_id: integrationId,
      key_source: 'integration',
    });
    expect(recorded.attempts).toHaveLength(1);
    const resolve = await server.api('POST', `/api/notifications/deliveries/${test.body.delivery_id}/resolve`);
    expect(resolve.status).toBe(202);
    await settled(resolve.body.id);
    expect((await delivery(test.body.delivery_id)).incident_state).toBe('resolved');
  });

  it('is refused with 409 when it makes no sense: not a trigger, or a trigger that never reached PagerDuty', async () => {
    const validation = (await server.api('GET', '/api/notifications/deliveries?kind=validation&limit=1')).body.items[0];
    const notTrigger = await server.api('POST', `/api/notifications/deliveries/${validation.id}/resolve`);
    expect(notTrigger.status).toBe(409);
    expect(notTrigger.body.detail).toMatch(/validation event, not a trigger/);
    const revoked = key();
    await server.sim.revoke(revoked);
    const failed = await fire({ routing_key: revoked });
    const notDelivered = await server.api('POST', `/api/notifications/deliveries/${failed.id}/acknowledge`);
    expect(notDelivered.status).toBe(409);
    expect(notDelivered.body.detail).toMatch(/has not reached PagerDuty \(it is failed\)/);
    expect((await server.api('POST', '/api/notifications/deliveries/999999/resolve')).status).toBe(404);
  });
});

describe('retry', () => {
  it('enqueues a failed trigger again with the same dedup key, and refuses anything else', async () => {
    const revoked = key();
    await server.sim.revoke(revoked);
    const failed = await fire({ routing_key: revoked });
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'invalid_key', detail: 'Invalid routing key' } });
    expect(failed.attempts).toHaveLength(1);
    await server.sim.reset(); // the key works again
    const retried = await server.api('POST', `/api/notifications/deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', failure: null });
    const done = await settled(failed.id);
    expect(done.status).toBe('delivered');
    expect(done.attempts.map((a) => a.outcome)).toEqual(['rejected', 'delivered']);
    expect((await server.sim.events()).map((e) => e.body.dedup_key)).toEqual([failed.dedup_key]);
    const twice = await server.api('POST', `/api/notifications/deliveries/${failed.id}/retry`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/is delivered; only a failed trigger can be retried/);
  });

  it("sends a retried trigger of the integration's key with the key rotated in since, keeping its dedup key", async () => {
    await server.sim.revoke(integrationKey);
    const failed = await fire();
    expect(failed).toMatchObject({ status: 'failed', key_source: 'integration' });
    const rotated = key();
    const put = await server.api('PUT', `/api/integrations/${integrationId}`, { body: { api_access_token: rotated } });
    expect(put.status).toBe(200);
    const revoked = integrationKey;
    integrationKey = rotated;
    expect((await server.api('POST', `/api/notifications/deliveries/${failed.id}/retry`)).status).toBe(202);
    const done = await settled(failed.id);
    expect(done).toMatchObject({ status: 'delivered', key_last4: rotated.slice(-4), dedup_key: failed.dedup_key });
    const sent = (await server.sim.events()).filter((e) => e.body.dedup_key === failed.dedup_key);
    expect(sent.map((e) => e.body.routing_key)).toEqual([revoked, rotated]);
  });
});

describe('health', () => {
  it("turns failing with PagerDuty's reason when the stored key is revoked, and ok after a delivery or a verify", async () => {
    await server.sim.revoke(integrationKey);
    const failed = await fire();
    expect(failed.status).toBe('failed');
    const list = await server.api('GET', '/api/integrations');
    const health = integrationSchema.parse(list.body[0]).health;
    expect(health).toMatchObject({
      state: 'failing',
      consecutive_failures: 1,
      last_failure: { code: 'invalid_key', detail: 'Invalid routing key' },
    });
    expect(health!.last_failure_at).toBe(health!.last_attempt_at);

    const verify = await server.api('POST', `/api/integrations/${integrationId}/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body.health).toMatchObject({ state: 'failing', consecutive_failures: 2 });
    expect((await server.sim.events()).at(-1)).toMatchObject({ endpoint: 'change', status: 400 });

    await server.sim.reset();
    const ok = await server.api('POST', `/api/integrations/${integrationId}/verify`);
    expect(ok.body.health).toMatchObject({
      state: 'ok',
      consecutive_failures: 0,
      last_failure: { code: 'invalid_key' },
    });
    expect((await server.api('GET', `/api/integrations/${integrationId}`)).body.health.state).toBe('ok');

    await server.sim.revoke(integrationKey);
    await fire();
    expect((await server.api('GET', `/api/integrations/${integrationId}`)).body.health.state).toBe('failing');
    await server.sim.reset();
    await fire();
    expect((await server.api('GET', `/api/integrations/${integrationId}`)).body.health).toMatchObject({
      state: 'ok',
      consecutive_failures: 0,
    });
  });

  it('is no_deliveries for an action never run, and 404 to verify an unknown integration', async () => {
    const flow = await server.api('POST', '/api/flows', {
      body: {
        name: 'Quiet',
        trigger_type: 'manual',
        actions: [{ type: 'PagerDuty', tokenized_message: 'x', parameters: {} }],
      },
    });
    expect(flow.body.actions[0].health).toMatchObject({ state: 'no_deliveries', last_attempt_at: null });
    expect((await server.api('POST', '/api/integrations/999999/verify')).status).toBe(404);
  });
});

describe('GET /api/notifications/deliveries', () => {
  it('filters by status, kind, integration and time, newest first, in keyset pages', async () => {
    await fire();
    await fire();
    const all = deliveryPageSchema.parse((await server.api('GET', '/api/notifications/deliveries?limit=100')).body);
    const ids = all.items.map((d) => d.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const triggers = (await server.api('GET', '/api/notifications/deliveries?kind=trigger&status=delivered')).body
      .items;
    expect(triggers.length).toBeGreaterThanOrEqual(2);
    expect(triggers.every((d: Delivery) => d.kind === 'trigger' && d.status === 'delivered')).toBe(true);
    const mine = (await server.api('GET', `/api/notifications/deliveries?integration_id=${integrationId}&limit=100`))
      .body;
    expect(mine.items.every((d: Delivery) => d.integration_id === integrationId)).toBe(true);
    const future = await server.api('GET', '/api/notifications/deliveries?since=2999-01-01T00:00:00Z');
    expect(future.body).toEqual({ items: [], next_cursor: null });

    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await server.api('GET', `/api/notifications/deliveries?limit=3${cursor ? `&before=${cursor}` : ''}`);
      walked.push(...page.body.items.map((d: Delivery) => d.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(walked).toEqual(ids);
  });

  it('answers 422 for a bad filter and 404 for an unknown delivery', async () => {
    expect((await server.api('GET', '/api/notifications/deliveries?status=lost')).status).toBe(422);
    expect((await server.api('GET', '/api/notifications/deliveries?since=yesterday')).status).toBe(422);
    expect((await server.api('GET', '/api/notifications/deliveries?flow_id=-1')).status).toBe(422);
    expect((await server.api('GET', '/api/notifications/deliveries/999999')).status).toBe(404);
  });

  it('records key validations as deliveries of the integration, routing key redacted', async () => {
    await rotate();
    const [latest] = (await server.api('GET', '/api/notifications/deliveries?kind=validation&limit=1')).body.items;
    expect(latest).toMatchObject({ status: 'delivered', integration_id: integrationId, dedup_key: null });
    expect(latest.event.routing_key).toBe(`…${integrationKey.slice(-4)}`);
  });
});

describe('deliveries sent while the request waits', () => {
  it('keep their brief retries and answers, and record every attempt', async () => {
    await server.sim.fault('server_error', 2);
    await rotate();
    const [validation] = (await server.api('GET', '/api/notifications/deliveries?kind=validation&limit=1')).body.items;
    expect(validation.attempts.map((a: { http_status: number }) => a.http_status)).toEqual([500, 500, 202]);
    expect(validation.status).toBe('delivered');

    await server.sim.fault('rate_limit', 3);
    const test = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'Busy', parameters: {} },
    });
    expect(test.status).toBe(429);
    expect(test.body).toMatchObject({ code: 'rate_limited', retry_after: 30 });
    const [failed] = (await server.api('GET', '/api/notifications/deliveries?kind=test&limit=1')).body.items;
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'rate_limited' }, next_attempt_at: null });
    expect(failed.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['retryable', 'retryable', 'retryable']);
    // Nobody waits for it any more: the sender never picks it up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await server.sim.events()).filter((e) => e.endpoint === 'enqueue')).toHaveLength(3);
  });
});

it('no response body or log line contains a routing key used above', () => {
  expect(leakedSecrets(server, used)).toEqual([]);
});
