import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../integrations/connector';
import { pagerDutyConnector } from '../integrations/pagerduty/connector';
import { PUBLIC_URL, routingKeyTracker, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
const { key } = routingKeyTracker();
/** Every attempt the PagerDuty connector was asked to make, in order. */
const sent: { endpoint: string; action: unknown }[] = [];

beforeAll(async () => {
  // The real connector against the mounted simulator, watched: a test connector of a type replaces the production one.
  const real = pagerDutyConnector({
    baseUrl: () => `${server.url}/pagerduty-sim`,
    timeoutMs: 5000,
    publicUrl: PUBLIC_URL,
  });
  const watched: Connector = {
    ...real,
    send: (endpoint, event, routingKey) => {
      sent.push({ endpoint, action: (event as { event_action?: unknown }).event_action });
      return real.attemptEvent(endpoint, event, routingKey);
    },
  };
  server = await startTestServer({}, { connectors: [watched] });
});
afterAll(() => server.close());

describe('the outbox sends through the connector', () => {
  it("validations, tests, triggers and resolves all go through the PagerDuty connector's send, each recorded", async () => {
    const created = await server.api('POST', '/api/integrations', {
      body: { type: 'pagerduty', api_access_token: key() },
    });
    expect(created.status, created.text).toBe(201);
    const flow = await server.api('POST', '/api/flows', {
      body: {
        name: 'Orders freshness SLA',
        trigger_type: 'anomaly',
        actions: [{ type: 'PagerDuty', tokenized_message: 'Anomaly', parameters: { severity: 'error' } }],
      },
    });
    const test = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'Test', parameters: {} },
    });
    expect(test.status, test.text).toBe(200);
    const run = await server.api('POST', `/api/flows/${flow.body.id}/executions`, {});
    expect(run.status, run.text).toBe(202);
    const triggerId = run.body.actions[0].delivery_id as number;
    await expect
      .poll(async () => (await server.api('GET', `/api/notifications/deliveries/${triggerId}`)).body.status)
      .toBe('delivered');
    const resolve = await server.api('POST', `/api/notifications/deliveries/${triggerId}/resolve`);
    await expect
      .poll(async () => (await server.api('GET', `/api/notifications/deliveries/${resolve.body.id}`)).body.status)
      .toBe('delivered');

    expect(sent).toEqual([
      { endpoint: 'change', action: undefined },
      { endpoint: 'enqueue', action: 'trigger' },
      { endpoint: 'enqueue', action: 'trigger' },
      { endpoint: 'enqueue', action: 'resolve' },
    ]);
    const kinds = (await server.api('GET', '/api/notifications/deliveries')).body.items.map(
      (d: { kind: string }) => d.kind,
    );
    expect(kinds).toEqual(['resolve', 'trigger', 'test', 'validation']);
  });
});
