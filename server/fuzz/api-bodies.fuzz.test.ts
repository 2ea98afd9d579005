import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, errorBodySchema, idParamsSchema, type Endpoint } from '../../src/api/contract';
import { newRoutingKey, startTestServer, type ApiResponse, type TestServer } from '../test-support/test-server';
import { badIds, mutatedBody, rawBodies } from './arbitraries';

/**
 * Property-based proof that no body, content type or id makes a write endpoint fail with a 500, answer without a
 * `detail` the UI can show, or store anything when it refuses.
 */

let server: TestServer;
let integrationId = 0;
let flowId = 0;
let actionId = 0;
const tally = { cases: 0, refused: 0, accepted: 0, failed: 0 };

const writeEndpoints = Object.entries(endpoints as Record<string, Endpoint>).filter(([, e]) => e.method !== 'GET');

beforeAll(async () => {
  server = await startTestServer({ TEST_NOTIFICATION_LIMIT: '10000' });
  const created = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: newRoutingKey() },
  });
  integrationId = created.body.id;
  const flow = await server.api('POST', '/api/flows', { body: templates.createFlow });
  flowId = flow.body.id;
  actionId = flow.body.actions[0].id;
});

afterAll(async () => {
  console.info(
    `[api fuzz] ${tally.cases} requests to ${writeEndpoints.length} write endpoints: ${tally.refused} refused ` +
      `with 4xx + detail, ${tally.accepted} valid and accepted, ${tally.failed} failed`,
  );
  await server?.close();
});

const templates: Record<string, Record<string, unknown>> = {
  createIntegration: { type: 'pagerduty', api_access_token: newRoutingKey() },
  updateIntegration: { api_access_token: newRoutingKey() },
  createFlow: {
    name: 'Fuzzed flow',
    trigger_type: 'anomaly',
    actions: [
      {
        type: 'PagerDuty',
        tokenized_message: 'Anomaly in {{ container_name }}',
        parameters: { severity: 'error', custom_details: { team: 'data' }, routing_key: newRoutingKey() },
      },
    ],
  },
  get updateFlow() {
    return { ...this.createFlow, actions: [{ ...(this.createFlow!.actions as object[])[0], id: actionId }] };
  },
  get testNotification() {
    return {
      type: 'PagerDuty',
      tokenized_message: 'Test from {{ flow_name }}',
      parameters: { severity: 'info', custom_details: { a: 1 } },
      flow_id: flowId,
      action_id: actionId,
      trigger_type: 'anomaly',
      flow_name: 'Fuzzed flow',
    };
  },
  get testNotificationAlias() {
    return this.testNotification!;
  },
  executeFlow: { context: { container_name: 'orders', anomaly_message: 'late' }, dedup_key: 'fuzzed-run' },
};

async function snapshot() {
  const [flows, integrations] = await Promise.all([
    server.api('GET', '/api/flows', { as: 'Admin' }),
    server.api('GET', '/api/integrations', { as: 'Admin' }),
  ]);
  // `health` is derived from deliveries the sender settles in the background, not stored by the request checked.
  return JSON.stringify([flows.body, integrations.body], (key, value: unknown) =>
    key === 'health' ? undefined : value,
  );
}

function pathOf(endpoint: Endpoint, id: string) {
  return endpoint.path.replace(':id', id);
}

/** A refusal the UI can show: 4xx, JSON, `detail` a sentence or a list of located issues, of a sane size. */
function expectShowableRefusal(response: ApiResponse, what: string) {
  expect(response.status, `${what} -> ${response.status} ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${what} -> ${response.status} ${response.text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  const body = errorBodySchema.safeParse(response.body);
  expect(body.success, `${what}: error body ${response.text.slice(0, 300)}`).toBe(true);
  const detail = body.data!.detail;
  if (typeof detail === 'string') expect(detail.trim()).not.toBe('');
  else {
    expect(detail.length).toBeGreaterThan(0);
    for (const issue of detail) expect(issue.msg.trim()).not.toBe('');
  }
  // An error never mirrors a huge input back at the user.
  expect(response.text.length, `${what}: error body of ${response.text.length} characters`).toBeLessThan(20_000);
}

/** Sends one fuzzed request and checks the invariants; `valid` = the contract itself accepts the body. */
async function check(send: () => Promise<ApiResponse>, what: string, valid: boolean) {
  tally.cases += 1;
  const before = await snapshot();
  try {
    const response = await send();
    expect(response.status, `${what} -> 5xx ${response.text.slice(0, 300)}`).toBeLessThan(500);
    if (response.status < 300) {
      expect(valid, `${what}: accepted a body the contract refuses`).toBe(true);
      tally.accepted += 1;
      return;
    }
    expectShowableRefusal(response, what);
    expect(await snapshot(), `${what}: refused, yet something was stored`).toBe(before);
    tally.refused += 1;
  } catch (error) {
    tally.failed += 1;
    throw error;
  }
}

describe.each(writeEndpoints)('fuzzed %s', (name, endpoint) => {
  const idFor = () => (endpoint.path.includes('/integrations/') ? integrationId : flowId);

  if (endpoint.body) {
    const bodySchema = endpoint.body;
    it('refuses mutated JSON bodies with a 4xx detail and stores nothing', async () => {
      await fc.assert(
        fc.asyncProperty(mutatedBody(templates[name]!), async (body) => {
          const valid = bodySchema.safeParse(body).success;
          await check(
            () =>
              server.api(endpoint.method, pathOf(endpoint, String(idFor())), {
                rawBody: body === undefined ? '' : JSON.stringify(body),
              }),
            `${endpoint.method} ${endpoint.path} ${JSON.stringify(body)?.slice(0, 200)}`,
            valid,
          );
        }),
        { numRuns: 100, seed: 6 },
      );
    }, 120_000);

    it('refuses invalid JSON, oversized bodies and other content types', async () => {
      await fc.assert(
        fc.asyncProperty(rawBodies, async ({ text, contentType }) => {
          await check(
            () =>
              server.api(endpoint.method, pathOf(endpoint, String(idFor())), {
                rawBody: text,
                headers: { 'content-type': contentType },
              }),
            `${endpoint.method} ${endpoint.path} as ${contentType}: ${text.slice(0, 80)}`,
            // An empty body is no body, which an endpoint whose body is all optional (running a flow) accepts.
            text === '' && bodySchema.safeParse(undefined).success,
          );
        }),
        { numRuns: 40, seed: 7 },
      );
    }, 120_000);
  }

  if (endpoint.params) {
    it('refuses ids that are malformed or unknown with a 4xx detail', async () => {
      const existing = new Set([integrationId, flowId]);
      await fc.assert(
        fc.asyncProperty(
          badIds.filter((id) => {
            const parsed = idParamsSchema.safeParse({ id: decodeURIComponentSafe(id) });
            return !parsed.success || !existing.has(parsed.data.id);
          }),
          async (id) => {
            await check(
              () =>
                server.api(endpoint.method, pathOf(endpoint, id), {
                  ...(endpoint.body ? { body: templates[name] } : {}),
                }),
              `${endpoint.method} ${pathOf(endpoint, id)}`,
              false,
            );
          },
        ),
        { numRuns: 30, seed: 8 },
      );
    }, 120_000);
  }
});

function decodeURIComponentSafe(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
