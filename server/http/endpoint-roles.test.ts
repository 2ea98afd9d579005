import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, roleRank, roleSchema, type Endpoint, type EndpointName } from '../../src/api/contract';
import { newRoutingKey, startTestServer, type TestServer } from '../test-support/test-server';

type Call = { path: string; body?: unknown };

async function ensureIntegration(s: TestServer): Promise<number> {
  const list = await s.api('GET', '/api/integrations');
  const existing = (list.body as { id: number; type: string }[]).find((i) => i.type === 'pagerduty');
  if (existing) return existing.id;
  const created = await s.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: newRoutingKey() },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function newFlow(s: TestServer): Promise<number> {
  const created = await s.api('POST', '/api/flows', { body: { name: 'Orders freshness', trigger_type: 'anomaly' } });
  expect(created.status).toBe(201);
  return created.body.id;
}

const testBody = { type: 'PagerDuty', tokenized_message: 'Role check {{ flow_name }}', parameters: {} };

async function flowWithAction(s: TestServer, routingKey?: string): Promise<number> {
  await ensureIntegration(s);
  const parameters = routingKey ? { routing_key: routingKey } : {};
  const created = await s.api('POST', '/api/flows', {
    body: {
      name: 'Runs',
      trigger_type: 'anomaly',
      actions: [{ type: 'PagerDuty', tokenized_message: 'x', parameters }],
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function execute(s: TestServer, flowId: number) {
  const run = await s.api('POST', `/api/flows/${flowId}/executions`);
  expect(run.status).toBe(202);
  return run.body as { id: number; actions: { delivery_id: number }[] };
}

/** A delivered test trigger, whose incident can be acknowledged or resolved. */
async function deliveredTrigger(s: TestServer): Promise<number> {
  await ensureIntegration(s);
  const test = await s.api('POST', '/api/flows/actions/test-notification', { body: testBody });
  expect(test.status).toBe(200);
  return test.body.delivery_id;
}

/** A trigger PagerDuty refused (revoked key): the only kind of delivery that can be retried. */
async function failedTrigger(s: TestServer): Promise<number> {
  const revoked = newRoutingKey();
  await s.sim.revoke(revoked);
  const id = (await execute(s, await flowWithAction(s, revoked))).actions[0]!.delivery_id;
  await expect.poll(async () => (await s.api('GET', `/api/notifications/deliveries/${id}`)).body.status).toBe('failed');
  return id;
}

/** A request that succeeds for the right role; every row of the endpoint table must have one. */
const happyCalls: Record<EndpointName, (s: TestServer) => Promise<Call>> = {
  health: async () => ({ path: '/api/health' }),
  openapi: async () => ({ path: '/api/openapi.json' }),
  me: async () => ({ path: '/api/users/me' }),
  integrationSpecs: async () => ({ path: '/api/integrations-specifications' }),
  listIntegrations: async () => ({ path: '/api/integrations' }),
  createIntegration: async (s) => {
    const id = await ensureIntegration(s);
    await s.api('DELETE', `/api/integrations/${id}`);
    return { path: '/api/integrations', body: { type: 'pagerduty', api_access_token: newRoutingKey() } };
  },
  getIntegration: async (s) => ({ path: `/api/integrations/${await ensureIntegration(s)}` }),
  updateIntegration: async (s) => ({
    path: `/api/integrations/${await ensureIntegration(s)}`,
    body: { api_access_token: newRoutingKey() },
  }),
  deleteIntegration: async (s) => ({ path: `/api/integrations/${await ensureIntegration(s)}` }),
  listChannels: async () => ({ path: '/api/alerting/pagerduty/list-channels' }),
  actionNotificationSpecs: async () => ({ path: '/api/action-notification-specifications' }),
  actionNotificationSpecsAlias: async () => ({ path: '/api/flows/actions/notification/specifications' }),
  notificationTokens: async () => ({ path: '/api/flows/actions/notification/tokens' }),
  testNotification: async (s) => {
    await ensureIntegration(s);
    return { path: '/api/flows/actions/test-notification', body: testBody };
  },
  testNotificationAlias: async (s) => {
    await ensureIntegration(s);
    return { path: '/api/flows/actions/notifications/test', body: testBody };
  },
  listFlows: async () => ({ path: '/api/flows' }),
  createFlow: async () => ({ path: '/api/flows', body: { name: 'Nightly scan', trigger_type: 'operation' } }),
  getFlow: async (s) => ({ path: `/api/flows/${await newFlow(s)}` }),
  updateFlow: async (s) => ({ path: `/api/flows/${await newFlow(s)}`, body: { name: 'Renamed' } }),
  deleteFlow: async (s) => ({ path: `/api/flows/${await newFlow(s)}` }),
  executeFlow: async (s) => ({ path: `/api/flows/${await flowWithAction(s)}/executions` }),
  listFlowExecutions: async (s) => ({ path: `/api/flows/${await flowWithAction(s)}/executions` }),
  getExecution: async (s) => ({ path: `/api/flows/executions/${(await execute(s, await flowWithAction(s))).id}` }),
  listDeliveries: async () => ({ path: '/api/notifications/deliveries?limit=5' }),
  getDelivery: async (s) => ({ path: `/api/notifications/deliveries/${await deliveredTrigger(s)}` }),
  retryDelivery: async (s) => ({ path: `/api/notifications/deliveries/${await failedTrigger(s)}/retry` }),
  acknowledgeDelivery: async (s) => ({
    path: `/api/notifications/deliveries/${await deliveredTrigger(s)}/acknowledge`,
  }),
  resolveDelivery: async (s) => ({ path: `/api/notifications/deliveries/${await deliveredTrigger(s)}/resolve` }),
  verifyIntegration: async (s) => ({ path: `/api/integrations/${await ensureIntegration(s)}/verify` }),
};

const TEST_TOKEN_WITHOUT_SCHEME = 'test-manager-token-0123456789abcdef';

/** Placeholder ids that exist nowhere: a 403 rather than a 404 proves the role is checked first. */
const unknownIdPath = (path: string) => path.replace(':id', '999999').replace(':type', 'pagerduty');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe.each(Object.entries(endpoints) as [EndpointName, Endpoint][])('%s', (name, endpoint) => {
  const allowed = roleSchema.options.filter((r) => !endpoint.minRole || roleRank[r] >= roleRank[endpoint.minRole]);
  const refused = roleSchema.options.filter((r) => !allowed.includes(r));
  // An invalid body on purpose: auth comes before validation.
  const badBody = endpoint.body ? {} : undefined;

  it.each(allowed)(`succeeds for %s`, async (role) => {
    const call = await happyCalls[name](server);
    const response = await server.api(endpoint.method, call.path, { as: role, body: call.body });
    expect(response.status, response.text).toBe(endpoint.success.status);
    if (endpoint.success.schema) expect(endpoint.success.schema.safeParse(response.body).success).toBe(true);
    else expect(response.text).toBe('');
  });

  if (endpoint.minRole) {
    it('is 401 without a token and with an unknown token', async () => {
      const path = unknownIdPath(endpoint.path);
      const none = await server.api(endpoint.method, path, { as: null, body: badBody });
      expect(none.status).toBe(401);
      expect(none.body).toEqual({ detail: 'Not authenticated' });
      const unknown = await server.api(endpoint.method, path, { token: 'not-a-real-token-at-all-xyz', body: badBody });
      expect(unknown.status).toBe(401);
      const malformed = await server.api(endpoint.method, path, {
        as: null,
        headers: { authorization: TEST_TOKEN_WITHOUT_SCHEME },
      });
      expect(malformed.status).toBe(401);
    });
  }

  if (refused.length) {
    it.each(refused)('is 403 for %s, before any lookup or validation', async (role) => {
      const response = await server.api(endpoint.method, unknownIdPath(endpoint.path), { as: role, body: badBody });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ detail: `${endpoint.minRole} permission required` });
    });
  }
});

describe('GET /api/users/me', () => {
  it.each([
    ['Admin', { id: 1, name: 'Ada Admin', role: 'Admin' }],
    ['Manager', { id: 2, name: 'Morgan Manager', role: 'Manager' }],
    ['Member', { id: 3, name: 'Max Member', role: 'Member' }],
  ] as const)('names the user of the %s token', async (role, user) => {
    expect((await server.api('GET', '/api/users/me', { as: role })).body).toEqual(user);
  });
});
