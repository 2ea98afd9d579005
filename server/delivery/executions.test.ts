import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executionPageSchema, executionSchema, type Execution } from '../../src/api/contract';
import { eventsV2Validators } from '../test-support/events-v2-schema';
import { leakedSecrets, routingKeyTracker, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
const { key, used } = routingKeyTracker();
const validators = eventsV2Validators();
let integrationKey: string;
let integrationId: number;

beforeAll(async () => {
  // Fast real-time retries: the timing itself is pinned by sender.test.ts on a manual clock.
  server = await startTestServer({ DELIVERY_RETRY_BASE_MS: '20', DELIVERY_RETRY_MAX_MS: '60' });
  integrationKey = key();
  const created = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: integrationKey },
  });
  integrationId = created.body.id;
});
afterAll(() => server.close());
beforeEach(() => server.sim.reset());

async function newFlow(actions: unknown[], name = 'Orders freshness SLA') {
  const created = await server.api('POST', '/api/flows', { body: { name, trigger_type: 'anomaly', actions } });
  expect(created.status, created.text).toBe(201);
  return created.body as { id: number; actions: { id: number }[] };
}

const run = (flowId: number, body?: unknown) =>
  server.api('POST', `/api/flows/${flowId}/executions`, body === undefined ? {} : { body });

async function finished(id: number): Promise<Execution> {
  await expect
    .poll(async () => (await server.api('GET', `/api/flows/executions/${id}`)).body.status, { timeout: 15_000 })
    .not.toBe('running');
  return executionSchema.parse((await server.api('GET', `/api/flows/executions/${id}`)).body);
}

describe('POST /api/flows/{id}/executions', () => {
  it('delivers one trigger per action with its key, summary, severity and details, each retried under one dedup key', async () => {
    const overrideKey = key();
    const flow = await newFlow([
      {
        type: 'PagerDuty',
        tokenized_message: 'Anomaly in {{ container_name }}: {{ anomaly_message }}',
        parameters: { severity: 'critical', custom_details: { team: 'data' } },
      },
      {
        type: 'PagerDuty',
        tokenized_message: '{{ flow_name }} fired for {{ datastore_name }}',
        parameters: { severity: 'warning', routing_key: overrideKey },
      },
    ]);
    await server.sim.fault('server_error', 3);
    const response = await run(flow.id, { context: { container_name: 'invoices' } });
    expect(response.status, response.text).toBe(202);
    const accepted = executionSchema.parse(response.body);
    expect(accepted).toMatchObject({ flow_id: flow.id, status: 'running', finished: null });
    expect(accepted.actions.map((a) => a.action_id)).toEqual(flow.actions.map((a) => a.id));

    const done = await finished(accepted.id);
    expect(done.status).toBe('success');
    expect(done.finished).not.toBeNull();
    expect(done.actions.map((a) => a.status)).toEqual(['success', 'success']);

    const events = (await server.sim.events()).filter((e) => e.endpoint === 'enqueue');
    expect(events.length).toBe(5);
    const byKey = (routingKey: string) => events.filter((e) => e.body.routing_key === routingKey);
    for (const sent of [byKey(integrationKey), byKey(overrideKey)]) {
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(new Set(sent.map((e) => e.body.dedup_key)).size).toBe(1);
      expect(sent.at(-1)!.status).toBe(202);
      expect(validators.trigger(sent.at(-1)!.body), JSON.stringify(validators.trigger.errors)).toBe(true);
    }
    expect(byKey(integrationKey).at(-1)!.body).toMatchObject({
      event_action: 'trigger',
      payload: {
        summary: 'Anomaly in invoices: The maximum age of orders.updated_at is 26 hours, above the 24 hours allowed',
        severity: 'critical',
        component: 'invoices',
        custom_details: { team: 'data', container: 'invoices', datastore: 'Snowflake Prod' },
      },
      links: [{ href: `${server.config.publicUrl}/flows/${flow.id}` }],
    });
    expect(byKey(integrationKey).at(-1)!.body.payload.custom_details).not.toHaveProperty('test_notification');
    expect(byKey(overrideKey).at(-1)!.body.payload).toMatchObject({
      summary: 'Orders freshness SLA fired for Snowflake Prod',
      severity: 'warning',
    });
    expect(byKey(integrationKey)[0]!.body.dedup_key).not.toBe(byKey(overrideKey)[0]!.body.dedup_key);

    const list = await server.api('GET', `/api/notifications/deliveries?flow_id=${flow.id}`);
    expect(list.body.items.map((d: { key_source: string }) => d.key_source).sort()).toEqual([
      'integration',
      'override',
    ]);
    for (const d of list.body.items) {
      expect(d).toMatchObject({
        kind: 'trigger',
        status: 'delivered',
        incident_state: 'triggered',
        execution_id: accepted.id,
      });
      expect(d.event.routing_key).toBe(`…${d.key_last4}`);
      expect(d.attempts.at(-1)).toMatchObject({ http_status: 202, outcome: 'delivered' });
    }
    const attempts = list.body.items.reduce((n: number, d: { attempts: unknown[] }) => n + d.attempts.length, 0);
    expect(attempts).toBe(5);
  });

  it('uses the dedup key of the body, and runs without any body at all', async () => {
    const flow = await newFlow([{ type: 'PagerDuty', tokenized_message: 'x', parameters: {} }]);
    const withKey = await run(flow.id, { dedup_key: 'orders-late-2026-03-01' });
    await finished(withKey.body.id);
    const bare = await server.api('POST', `/api/flows/${flow.id}/executions`);
    expect(bare.status, bare.text).toBe(202);
    await finished(bare.body.id);
    const keys = (await server.sim.events()).map((e) => e.body.dedup_key);
    expect(keys[0]).toBe('orders-late-2026-03-01');
    expect(keys[1]).toMatch(/^qualytics-flow-\d+-execution-\d+-action-\d+$/);
  });

  it('answers 404 for an unknown flow, 409 for a flow without actions, 422 for a bad body', async () => {
    expect((await run(999_999, {})).status).toBe(404);
    const empty = await newFlow([]);
    const none = await run(empty.id, {});
    expect(none.status).toBe(409);
    expect(none.body.detail).toMatch(/has no action/);
    expect((await run(empty.id, { context: 'x' })).status).toBe(422);
    expect((await run(empty.id, { dedup_key: 'k'.repeat(256) })).status).toBe(422);
  });

  it('skips an action whose PagerDuty integration is gone and still runs the others', async () => {
    const flow = await newFlow([
      { type: 'PagerDuty', tokenized_message: 'needs the integration', parameters: {} },
      { type: 'PagerDuty', tokenized_message: 'has its own key', parameters: { routing_key: key() } },
    ]);
    expect((await server.api('DELETE', `/api/integrations/${integrationId}`)).status).toBe(204);
    try {
      const done = await finished((await run(flow.id, {})).body.id);
      expect(done.actions.map((a) => [a.status, a.detail])).toEqual([
        ['skipped', 'PagerDuty is not connected'],
        ['success', null],
      ]);
      expect(done.status).toBe('failure');
      const skipped = await server.api('GET', `/api/notifications/deliveries/${done.actions[0]!.delivery_id}`);
      expect(skipped.body).toMatchObject({ status: 'skipped', attempts: [], failure: { code: 'not_connected' } });
      expect((await server.sim.events()).map((e) => e.body.payload.summary)).toEqual(['has its own key']);
      const shown = await server.api('GET', `/api/flows/${flow.id}`);
      expect(shown.body.actions[0].health).toMatchObject({ state: 'failing', last_failure: { code: 'not_connected' } });
      expect(shown.body.actions[1].health).toMatchObject({ state: 'ok', consecutive_failures: 0 });
    } finally {
      integrationKey = key();
      const again = await server.api('POST', '/api/integrations', {
        body: { type: 'pagerduty', api_access_token: integrationKey },
      });
      integrationId = again.body.id;
    }
  });
});

describe('GET /api/flows/{id}/executions', () => {
  it('pages newest first by keyset: a new execution between two pages shifts nothing', async () => {
    const flow = await newFlow([{ type: 'PagerDuty', tokenized_message: 'page', parameters: {} }]);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await run(flow.id, {})).body.id);
    const first = executionPageSchema.parse((await server.api('GET', `/api/flows/${flow.id}/executions?limit=2`)).body);
    expect(first.items.map((e) => e.id)).toEqual([ids[4], ids[3]]);
    await run(flow.id, {});
    const pages = [first];
    while (pages.at(-1)!.next_cursor) {
      const next = await server.api(
        'GET',
        `/api/flows/${flow.id}/executions?limit=2&before=${pages.at(-1)!.next_cursor}`,
      );
      pages.push(executionPageSchema.parse(next.body));
    }
    expect(pages.flatMap((p) => p.items.map((e) => e.id))).toEqual([...ids].reverse());
    expect(pages.at(-1)!.next_cursor).toBeNull();
  });

  it('refuses a cursor it did not make and a limit out of range with 422; 404 for an unknown flow', async () => {
    const flow = await newFlow([]);
    expect((await server.api('GET', `/api/flows/${flow.id}/executions?before=abc`)).status).toBe(422);
    expect((await server.api('GET', `/api/flows/${flow.id}/executions?limit=0`)).status).toBe(422);
    expect((await server.api('GET', `/api/flows/${flow.id}/executions?limit=101`)).status).toBe(422);
    expect((await server.api('GET', '/api/flows/999999/executions')).status).toBe(404);
    // The static segment wins over /api/flows/:id.
    expect((await server.api('GET', '/api/flows/executions/999999')).body).toEqual({
      detail: 'Execution 999999 not found',
    });
  });
});

it('no response body or log line contains a routing key used above', () => {
  expect(leakedSecrets(server, used)).toEqual([]);
});
