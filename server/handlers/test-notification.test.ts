import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testFingerprint, testNotificationResponseSchema } from '../../src/api/contract';
import { eventsV2Validators } from '../test-support/events-v2-schema';
import { OVERSIZE_DETAILS_NOTE } from '../integrations/pagerduty/events';
import {
  TEST_TOKENS,
  leakedSecrets,
  routingKeyTracker,
  startTestServer,
  type TestServer,
} from '../test-support/test-server';

let server: TestServer;
const { key, used: usedKeys } = routingKeyTracker();
let integrationKey: string;
const validators = eventsV2Validators();

const send = (body: Record<string, unknown>, path = '/api/flows/actions/test-notification') =>
  server.api('POST', path, { body: { type: 'PagerDuty', tokenized_message: 'Test from {{ flow_name }}', ...body } });

async function connect() {
  integrationKey = key();
  const created = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: integrationKey },
  });
  expect(created.status).toBe(201);
  return created.body.id as number;
}

beforeAll(async () => {
  server = await startTestServer({ TEST_NOTIFICATION_LIMIT: '1000' });
  await connect();
});
afterAll(() => server.close());
beforeEach(() => server.sim.reset());

describe('the event sent', () => {
  it('is shaped like the platform event, conforms to PagerDuty OpenAPI and is reported redacted', async () => {
    const response = await send({
      parameters: { severity: 'warning', custom_details: { team: 'data', container: 'mine' } },
    });
    expect(response.status).toBe(200);
    const result = testNotificationResponseSchema.parse(response.body);
    const [received] = await server.sim.events();
    expect(received).toMatchObject({ endpoint: 'enqueue', status: 202 });
    const event = received!.body;
    expect(validators.trigger(event), JSON.stringify(validators.trigger.errors)).toBe(true);
    expect(event).toMatchObject({
      routing_key: integrationKey,
      event_action: 'trigger',
      dedup_key: expect.stringMatching(/^qualytics-test-[0-9a-f-]{36}$/),
      client: 'Qualytics',
      client_url: server.config.publicUrl,
      payload: {
        summary: 'Test from Orders freshness',
        severity: 'warning',
        source: server.config.publicUrl,
        component: 'orders',
        class: 'anomaly',
        custom_details: {
          datastore: 'Snowflake Prod',
          container: 'mine',
          check_type: 'freshnessCheck',
          test_notification: true,
          team: 'data',
        },
      },
      links: [{ href: server.config.publicUrl, text: 'Event Details' }],
    });
    expect(Math.abs(Date.parse(event.payload.timestamp) - Date.now())).toBeLessThan(5000);
    expect(result).toMatchObject({
      status: 'success',
      message: 'Notification successfully sent.',
      key_source: 'integration',
      routing_key_last4: integrationKey.slice(-4),
      pagerduty: { status: 'success', message: 'Event processed', dedup_key: event.dedup_key },
    });
    expect(result.event).toEqual({ ...event, routing_key: `…${integrationKey.slice(-4)}` });
    expect(response.text).not.toContain(integrationKey);
  });

  it('fills the tokens of the trigger type, with or without spaces, and leaves unknown tokens', async () => {
    await send({
      tokenized_message: '{{flow_name}} {{ operation_type }} {{ container_name }}',
      trigger_type: 'operation',
      flow_name: 'Nightly',
    });
    const event = (await server.sim.events())[0]!.body;
    expect(event.payload.summary).toBe('Nightly scan {{ container_name }}');
    expect(event.payload.class).toBe('operation');
  });

  it('uses "test" as the class of triggers without one and the default summary for an empty message', async () => {
    await send({ tokenized_message: '   ', trigger_type: 'manual' });
    const event = (await server.sim.events())[0]!.body;
    expect(event.payload).toMatchObject({
      summary: 'Test notification from Qualytics',
      class: 'test',
      severity: 'info',
    });
  });

  it('sends the summary as one line', async () => {
    await send({ tokenized_message: 'Line one\n  line two\r\nline three  ' });
    expect((await server.sim.events())[0]!.body.payload.summary).toBe('Line one line two line three');
  });

  it('cuts the summary to 1024 characters without splitting one', async () => {
    expect((await send({ tokenized_message: 'a' + '😀'.repeat(1500) })).status).toBe(200);
    const summary = (await server.sim.events())[0]!.body.payload.summary as string;
    expect(summary).toHaveLength(1023);
    expect(summary.endsWith('😀')).toBe(true);
  });

  it('cuts the summary to 1024 characters', async () => {
    const response = await send({ tokenized_message: 'x'.repeat(4000) });
    expect(response.status).toBe(200);
    expect((await server.sim.events())[0]!.body.payload.summary).toHaveLength(1024);
  });

  it('replaces custom details that would exceed 512 KB with a note, and says so', async () => {
    const custom_details = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`blob${i}`, 'y'.repeat(100_000)]));
    const response = await send({ parameters: { custom_details } });
    expect(response.status).toBe(200);
    expect(response.body.message).toContain(OVERSIZE_DETAILS_NOTE);
    const event = (await server.sim.events())[0]!.body;
    expect(event.payload.custom_details).toEqual({ note: OVERSIZE_DETAILS_NOTE, test_notification: true });
    expect(validators.trigger(event)).toBe(true);
  });

  it('links to the flow and uses its name and trigger when a flow is given', async () => {
    const flow = await server.api('POST', '/api/flows', {
      body: { name: 'Partition watch', trigger_type: 'partition_scan' },
    });
    await send({ flow_id: flow.body.id });
    const event = (await server.sim.events())[0]!.body;
    expect(event.payload).toMatchObject({ summary: 'Test from Partition watch', class: 'partition_scan' });
    expect(event.links).toEqual([{ href: `${server.config.publicUrl}/flows/${flow.body.id}`, text: 'Event Details' }]);
  });

  it('sends change events that conform to PagerDuty OpenAPI too', async () => {
    const list = (await server.api('GET', '/api/integrations')).body;
    await server.api('PUT', `/api/integrations/${list[0].id}`, {
      body: { api_access_token: (integrationKey = key()) },
    });
    const [change] = await server.sim.events();
    expect(change!.endpoint).toBe('change');
    expect(validators.change(change!.body), JSON.stringify(validators.change.errors)).toBe(true);
  });
});

describe('which key', () => {
  it('uses a key typed in the form as an override', async () => {
    const typed = key();
    const response = await send({ parameters: { routing_key: typed } });
    expect(response.body).toMatchObject({ key_source: 'override', routing_key_last4: typed.slice(-4) });
    expect((await server.sim.events())[0]!.body.routing_key).toBe(typed);
  });

  it('uses the stored override of the action, unless null asks for the integration key', async () => {
    const stored = key();
    const flow = await server.api('POST', '/api/flows', {
      body: {
        name: 'With override',
        trigger_type: 'anomaly',
        actions: [{ type: 'PagerDuty', tokenized_message: 'm', parameters: { routing_key: stored } }],
      },
    });
    const ids = { flow_id: flow.body.id, action_id: flow.body.actions[0].id };
    expect((await send(ids)).body.key_source).toBe('override');
    expect((await send({ action_id: ids.action_id })).body.key_source).toBe('override');
    expect((await send({ ...ids, parameters: { routing_key: null } })).body.key_source).toBe('integration');
    expect((await server.sim.events()).map((e) => e.body.routing_key)).toEqual([stored, stored, integrationKey]);
  });

  it('answers 404 for an unknown flow or action, or an action of another flow', async () => {
    const a = await server.api('POST', '/api/flows', {
      body: { name: 'A', trigger_type: 'anomaly', actions: [{ type: 'PagerDuty', tokenized_message: 'm' }] },
    });
    const b = await server.api('POST', '/api/flows', { body: { name: 'B', trigger_type: 'anomaly' } });
    expect((await send({ flow_id: 777777 })).status).toBe(404);
    expect((await send({ action_id: 777777 })).status).toBe(404);
    expect((await send({ flow_id: b.body.id, action_id: a.body.actions[0].id })).status).toBe(404);
    expect(await server.sim.events()).toHaveLength(0);
  });

  it('answers 409 not_connected when there is no integration and no override', async () => {
    const list = (await server.api('GET', '/api/integrations')).body;
    await server.api('DELETE', `/api/integrations/${list[0].id}`);
    try {
      const response = await send({});
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        detail: 'PagerDuty is not connected. Connect PagerDuty or set a Routing Key Override.',
        code: 'not_connected',
      });
      expect(await server.sim.events()).toHaveLength(0);
    } finally {
      await connect();
      await server.sim.reset();
    }
  });
});

describe('PagerDuty failures', () => {
  it('passes a 400 reason through verbatim with its code', async () => {
    const revoked = key();
    await server.sim.revoke(revoked);
    const response = await send({ parameters: { routing_key: revoked } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      detail: 'Invalid routing key',
      code: 'invalid_key',
      pagerduty: {
        http_status: 400,
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ['Invalid routing key'],
      },
    });
    const malformed = await send({ parameters: { routing_key: 'tooshort' } });
    expect(malformed.body).toMatchObject({
      detail: "Length of 'routing_key' is incorrect (should be 32 characters)",
      code: 'invalid_key',
    });
  });

  it('retries a 429 then succeeds; after three answers 429 with Retry-After', async () => {
    await server.sim.fault('rate_limit', 1);
    expect((await send({})).status).toBe(200);
    await server.sim.fault('rate_limit', 3);
    const limited = await send({});
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', retry_after: expect.any(Number) });
    expect(Number(limited.headers.get('retry-after'))).toBe(limited.body.retry_after);
  });

  it.each([
    ['server_error', 3, 502, 'pagerduty_error'],
    ['malformed', 1, 502, 'pagerduty_error'],
  ] as const)('answers %s with %s', async (kind, count, status, code) => {
    await server.sim.fault(kind, count);
    const response = await send({});
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(typeof response.body.detail).toBe('string');
  });
});

describe('a PagerDuty that does not answer in time', () => {
  it('is answered 504 with code timeout', async () => {
    const slow = await startTestServer({ PAGERDUTY_TIMEOUT_MS: '300' });
    try {
      await slow.sim.fault('timeout', 1);
      const response = await slow.api('POST', '/api/flows/actions/test-notification', {
        body: { type: 'PagerDuty', tokenized_message: 'slow', parameters: { routing_key: key() } },
      });
      expect(response.status).toBe(504);
      expect(response.body).toMatchObject({ code: 'timeout', detail: expect.stringMatching(/did not answer within/) });
    } finally {
      await slow.close();
    }
  });
});

describe('last test of an action', () => {
  it('is stored on success and on failure, with a fingerprint of the tested settings', async () => {
    const flow = await server.api('POST', '/api/flows', {
      body: { name: 'Tracked', trigger_type: 'anomaly', actions: [{ type: 'PagerDuty', tokenized_message: 'stored' }] },
    });
    const ids = { flow_id: flow.body.id, action_id: flow.body.actions[0].id };
    const ok = await send({
      ...ids,
      tokenized_message: 'tested',
      parameters: { severity: 'error', custom_details: { b: 1, a: 2 } },
    });
    let action = (await server.api('GET', `/api/flows/${ids.flow_id}`)).body.actions[0];
    expect(action.last_test).toEqual({
      at: expect.any(String),
      outcome: 'delivered',
      dedup_key: ok.body.pagerduty.dedup_key,
      message: 'Notification successfully sent.',
      fingerprint: testFingerprint({
        tokenized_message: 'tested',
        severity: 'error',
        custom_details: { a: 2, b: 1 },
        key_source: 'integration',
      }),
    });

    await server.sim.fault('server_error', 3);
    const failed = await send(ids);
    action = (await server.api('GET', `/api/flows/${ids.flow_id}`)).body.actions[0];
    expect(action.last_test).toMatchObject({ outcome: 'failed', message: failed.body.detail });
    expect(action.last_test.dedup_key).toBeUndefined();
  });
});

describe('a test sent before its action was saved', () => {
  const create = (actions: Record<string, unknown>[]) =>
    server.api('POST', '/api/flows', { body: { name: 'Wizard', trigger_type: 'anomaly', actions } });
  const tested = { tokenized_message: 'from the wizard', parameters: { severity: 'error', custom_details: { a: 1 } } };

  it('becomes the last test of the action that names it, as the server saw it', async () => {
    const test = await send(tested);
    expect(test.status).toBe(200);
    const flow = await create([{ type: 'PagerDuty', ...tested, test_delivery_id: test.body.delivery_id }]);
    expect(flow.status).toBe(201);
    expect(flow.body.actions[0].last_test).toMatchObject({
      outcome: 'delivered',
      dedup_key: test.body.pagerduty.dedup_key,
      fingerprint: testFingerprint({
        tokenized_message: 'from the wizard',
        severity: 'error',
        custom_details: { a: 1 },
        key_source: 'integration',
      }),
    });
    const read = await server.api('GET', `/api/flows/${flow.body.id}`);
    expect(read.body.actions[0].last_test.outcome).toBe('delivered');
  });

  it('is recorded on an action appended to an existing flow too', async () => {
    const existing = await create([]);
    const test = await send(tested);
    const updated = await server.api('PUT', `/api/flows/${existing.body.id}`, {
      body: { actions: [{ type: 'PagerDuty', ...tested, test_delivery_id: test.body.delivery_id }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.actions[0].last_test.outcome).toBe('delivered');
  });

  it('is not recorded for other settings than those tested, nor twice', async () => {
    const test = await send(tested);
    const changed = await create([
      {
        type: 'PagerDuty',
        ...tested,
        tokenized_message: 'edited after the test',
        test_delivery_id: test.body.delivery_id,
      },
    ]);
    expect(changed.status).toBe(201);
    expect(changed.body.actions[0].last_test).toBeNull();

    const first = await create([{ type: 'PagerDuty', ...tested, test_delivery_id: test.body.delivery_id }]);
    expect(first.body.actions[0].last_test.outcome).toBe('delivered');
    const again = await create([{ type: 'PagerDuty', ...tested, test_delivery_id: test.body.delivery_id }]);
    expect(again.body.actions[0].last_test).toBeNull();
  });
});

describe('limits and aliases', () => {
  it('answers the alias path the same way', async () => {
    const response = await send({}, '/api/flows/actions/notifications/test');
    expect(response.status).toBe(200);
    expect(response.body.key_source).toBe('integration');
  });

  it('rate-limits test notifications per user', async () => {
    const limited = await startTestServer({ TEST_NOTIFICATION_LIMIT: '2' });
    try {
      const body = { type: 'PagerDuty', tokenized_message: 'x', parameters: { routing_key: key() } };
      const post = (as: 'Manager' | 'Admin') =>
        limited.api('POST', '/api/flows/actions/test-notification', { as, body });
      expect((await post('Manager')).status).toBe(200);
      expect((await post('Manager')).status).toBe(200);
      const third = await post('Manager');
      expect(third.status).toBe(429);
      expect(third.body.detail).toMatch(/^Too many test notifications\. Try again in \d+ seconds\.$/);
      expect(third.headers.get('retry-after')).toBe(String(third.body.retry_after));
      expect((await post('Admin')).status).toBe(200);
      expect((await limited.sim.events()).length).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it.each([
    ['wrong type', { type: 'Slack' }, ['body', 'type']],
    ['missing message', { tokenized_message: undefined }, ['body', 'tokenized_message']],
    ['bad severity', { parameters: { severity: 'urgent' } }, ['body', 'parameters', 'severity']],
    ['extra field', { extra: true }, ['body', 'extra']],
    ['string flow id', { flow_id: '3' }, ['body', 'flow_id']],
    ['blank override', { parameters: { routing_key: '   ' } }, ['body', 'parameters', 'routing_key']],
  ])('answers %s with 422', async (_, body, loc) => {
    const response = await send(body);
    expect(response.status).toBe(422);
    expect(response.body.detail).toContainEqual(expect.objectContaining({ loc }));
  });

  it('no response body or log line contains a routing key or API token used above', () => {
    expect(usedKeys.length).toBeGreaterThan(5);
    expect(leakedSecrets(server, [...usedKeys, ...Object.values(TEST_TOKENS)])).toEqual([]);
  });
});
