import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, roleRank, roleSchema, type Endpoint, type Role } from '../../src/api/contract';
import { newRoutingKey, startTestServer, TEST_TOKENS, type TestServer } from '../test-support/test-server';

/**
 * Access proofs: without a valid token, or with too low a role, every endpoint answers 401/403 and the answer is the
 * same whether the object asked for exists or not; guessing tokens is refused after a few tries.
 */

let server: TestServer;
let existing: { integration: number; flow: number };
const tally = { cases: 0, failed: 0 };

const protectedEndpoints = Object.entries(endpoints as Record<string, Endpoint>).filter(([, e]) => e.minRole);

beforeAll(async () => {
  server = await startTestServer({ AUTH_FAILURE_LIMIT: '100000' });
  const integration = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: newRoutingKey() },
  });
  const flow = await server.api('POST', '/api/flows', { body: { name: 'Existing flow', trigger_type: 'anomaly' } });
  existing = { integration: integration.body.id, flow: flow.body.id };
});

afterAll(async () => {
  console.info(`[access] ${tally.cases} refused-access comparisons (existing vs missing id), ${tally.failed} failed`);
  await server?.close();
});

type Credential = { label: string; headers: Record<string, string>; expected: 401 | 403 };

function credentialsFor(endpoint: Endpoint): Credential[] {
  const tooLow = roleSchema.options.filter((r: Role) => roleRank[r] < roleRank[endpoint.minRole!]);
  return [
    { label: 'no token', headers: {}, expected: 401 },
    { label: 'a wrong token', headers: { authorization: 'Bearer wrong-token-0123456789abcdef' }, expected: 401 },
    { label: 'a token without its scheme', headers: { authorization: TEST_TOKENS.Manager }, expected: 401 },
    { label: 'another scheme', headers: { authorization: `Basic ${TEST_TOKENS.Admin}` }, expected: 401 },
    // A token a hair off a real one: constant-time comparison must still say no.
    { label: 'a near-miss token', headers: { authorization: `Bearer ${TEST_TOKENS.Admin}x` }, expected: 401 },
    ...tooLow.map((role): Credential => ({
      label: `the ${role} role`,
      headers: { authorization: `Bearer ${TEST_TOKENS[role]}` },
      expected: 403,
    })),
  ];
}

/** The parts of an answer a caller can observe, minus what changes on every request. */
function observable(response: { status: number; headers: Headers; text: string }) {
  const headers = [...response.headers.entries()].filter(([name]) => !['date', 'content-length'].includes(name));
  return { status: response.status, text: response.text, headers };
}

describe.each(protectedEndpoints)('%s refuses outsiders alike for existing and missing objects', (_name, endpoint) => {
  it.each(credentialsFor(endpoint))('with $label', async ({ headers, expected }) => {
    tally.cases += 1;
    try {
      const real = endpoint.path
        .replace(':id', String(endpoint.path.includes('/integrations/') ? existing.integration : existing.flow))
        .replace(':type', 'pagerduty');
      const missing = endpoint.path.replace(':id', '987654').replace(':type', 'no-such-type');
      const body = endpoint.body ? JSON.stringify({ name: 'x' }) : undefined;
      const [a, b] = await Promise.all(
        [real, missing].map((path) => server.api(endpoint.method, path, { as: null, rawBody: body, headers })),
      );
      expect(a!.status).toBe(expected);
      expect(observable(a!)).toEqual(observable(b!));
      expect(a!.body.detail).toMatch(/^(Not authenticated|\w+ permission required)$/);
    } catch (error) {
      tally.failed += 1;
      throw error;
    }
  });
});

describe('a refused caller changes nothing', () => {
  it('leaves integrations and flows as they were after every refused write', async () => {
    const before = await server.api('GET', '/api/flows', { as: 'Admin' });
    for (const [, endpoint] of protectedEndpoints.filter(([, e]) => e.method !== 'GET')) {
      const path = endpoint.path.replace(':id', String(existing.flow)).replace(':type', 'pagerduty');
      const body = endpoint.path.startsWith('/api/flows/') ? { name: 'Hijacked' } : undefined;
      await server.api(endpoint.method, path, { as: 'Member', body });
      await server.api(endpoint.method, path, { as: null, body });
    }
    expect((await server.api('GET', '/api/flows', { as: 'Admin' })).text).toBe(before.text);
    expect((await server.api('GET', `/api/integrations/${existing.integration}`, { as: 'Admin' })).status).toBe(200);
  });
});
