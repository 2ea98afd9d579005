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
