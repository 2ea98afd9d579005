import Fastify from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { integrationSchema } from '../../src/api/contract';
import { pagerDutySimulator } from '../simulator/simulator-plugin';
import { freePort } from '../../scripts/reference-server-process';
import {
  TEST_TOKENS,
  leakedSecrets,
  routingKeyTracker,
  startTestServer,
  type TestServer,
} from '../test-support/test-server';

let server: TestServer;
const { key, used: usedKeys } = routingKeyTracker();

const create = (apiKey: unknown, extra: Record<string, unknown> = {}) =>
  server.api('POST', '/api/integrations', { body: { type: 'pagerduty', api_access_token: apiKey, ...extra } });

async function removeAll() {
  const list = await server.api('GET', '/api/integrations');
  for (const integration of list.body as { id: number }[]) {
    await server.api('DELETE', `/api/integrations/${integration.id}`);
  }
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await removeAll();
  await server.sim.reset();
});

describe('POST /api/integrations', () => {
  it('validates the key with exactly one change event, no trigger, and stores no secret in the answer', async () => {
    const routingKey = key();
    const response = await create(routingKey);
    expect(response.status).toBe(201);
    expect(integrationSchema.parse(response.body)).toMatchObject({ type: 'pagerduty' });
    // `health` is the additive field of the delivery outbox: the validation just proved the key.
    expect(Object.keys(response.body).sort()).toEqual(['created', 'health', 'id', 'type', 'updated']);
    expect(response.body.health).toMatchObject({ state: 'ok', consecutive_failures: 0 });
    const events = await server.sim.events();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ endpoint: 'change', status: 202 });
    expect(events[0]!.body.routing_key).toBe(routingKey);
    expect(events[0]!.body.payload).toMatchObject({
      summary: expect.stringContaining('Qualytics'),
      source: server.config.publicUrl,
    });
    expect(events[0]!.body.payload.severity).toBeUndefined();
  });

  it('accepts a key pasted with surrounding whitespace', async () => {
    const routingKey = key();
    expect((await create(`  ${routingKey}\n`)).status).toBe(201);
    expect((await server.sim.events())[0]!.body.routing_key).toBe(routingKey);
  });

  it('refuses a second PagerDuty integration with 409 before calling PagerDuty', async () => {
    expect((await create(key())).status).toBe(201);
    await server.sim.reset();
    const second = await create(key());
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      detail: 'A PagerDuty integration already exists. Edit it to rotate the Routing Key.',
    });
    expect(await server.sim.events()).toHaveLength(0);
  });

  it('lets only one of two simultaneous creations win, and loses no concurrent flow write', async () => {
    const [a, b] = await Promise.all([create(key()), create(key())]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await server.api('GET', '/api/integrations')).body).toHaveLength(1);
    const before = (await server.api('GET', '/api/flows')).body.length;
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.api('POST', '/api/flows', { body: { name: `Concurrent ${i}`, trigger_type: 'manual' } }),
      ),
    );
    expect(writes.every((w) => w.status === 201)).toBe(true);
    expect((await server.api('GET', '/api/flows')).body.length).toBe(before + 20);
  });

  it.each([
    ['too short', 'abc123', "Length of 'routing_key' is incorrect (should be 32 characters)"],
    [
      'non-alphanumeric',
      'abcdefghij-klmnopqrstuvwxyz12345',
      "'routing_key' cannot contain non-alphanumeric characters.",
    ],
  ])('answers a %s key with PagerDuty reason on the field and stores nothing', async (_, badKey, reason) => {
    const response = await create(badKey);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      detail: [{ loc: ['body', 'api_access_token'], msg: reason, type: 'pagerduty.invalid_key' }],
      code: 'invalid_key',
      pagerduty: { http_status: 400, status: 'invalid event', errors: [reason] },
    });
    expect(response.text).not.toContain(badKey);
    expect((await server.api('GET', '/api/integrations')).body).toEqual([]);
  });

  it('answers a revoked key with "Invalid routing key"', async () => {
    const revoked = key();
    await server.sim.revoke(revoked);
    const response = await create(revoked);
    expect(response.status).toBe(400);
    expect(response.body.detail[0]).toMatchObject({ loc: ['body', 'api_access_token'], msg: 'Invalid routing key' });
    expect((await server.api('GET', '/api/integrations')).body).toEqual([]);
  });

  it('refuses a ruleset key, which cannot receive change events', async () => {
    const response = await create('R' + key().slice(1));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_key');
  });

  it('retries a 429 and succeeds', async () => {
    await server.sim.fault('rate_limit', 1);
    const response = await create(key());
    expect(response.status).toBe(201);
    expect((await server.sim.events()).map((e) => e.status)).toEqual([429, 202]);
  });

  it('gives up after three 429s with 429, Retry-After and nothing stored', async () => {
    await server.sim.fault('rate_limit', 3);
    const response = await create(key());
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({ code: 'rate_limited', retry_after: expect.any(Number) });
    expect(response.headers.get('retry-after')).toBe(String(response.body.retry_after));
    expect(await server.sim.events()).toHaveLength(3);
    expect((await server.api('GET', '/api/integrations')).body).toEqual([]);
  });

  it('answers persistent 500s with 502 after three tries', async () => {
    await server.sim.fault('server_error', 3);
    const response = await create(key());
    expect(response.status).toBe(502);
    expect(response.body.code).toBe('pagerduty_error');
    expect(response.body.detail).toMatch(/PagerDuty is having trouble/);
    expect(await server.sim.events()).toHaveLength(3);
    expect((await server.api('GET', '/api/integrations')).body).toEqual([]);
  });

  it('answers a PagerDuty that does not reply in time with 504', async () => {
    // A short timeout of its own, so the other tests can keep a generous one on a busy machine.
    const slow = await startTestServer({ PAGERDUTY_TIMEOUT_MS: '300' });
    try {
      await slow.sim.fault('timeout', 1);
      const response = await slow.api('POST', '/api/integrations', {
        body: { type: 'pagerduty', api_access_token: key() },
      });
      expect(response.status).toBe(504);
      expect(response.body).toMatchObject({
        code: 'timeout',
        detail: 'PagerDuty did not answer within 0.3 seconds. It may be slow or unreachable; try again in a minute.',
      });
      expect((await slow.api('GET', '/api/integrations')).body).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('answers an unreadable 202 with 502', async () => {
    await server.sim.fault('malformed', 1);
    const response = await create(key());
    expect(response.status).toBe(502);
    expect(response.body.code).toBe('pagerduty_error');
  });

  it.each([
    ['missing key', { type: 'pagerduty' }, ['body', 'api_access_token'], 'missing'],
    ['blank key', { type: 'pagerduty', api_access_token: '   ' }, ['body', 'api_access_token'], 'missing'],
    ['numeric key', { type: 'pagerduty', api_access_token: 12345 }, ['body', 'api_access_token'], 'string_type'],
    [
      'unknown property',
      { type: 'pagerduty', api_access_token: 'x', color: 'red' },
      ['body', 'color'],
      'extra_forbidden',
    ],
    ['unknown type', { type: 'carrier_pigeon' }, ['body', 'type'], 'enum'],
    ['missing type', { api_access_token: 'x' }, ['body', 'type'], 'missing'],
    ['array property', { type: 'pagerduty', api_access_token: ['x'] }, ['body', 'api_access_token'], 'invalid_union'],
  ])('answers a %s with 422 on the field', async (_, body, loc, type) => {
    const response = await server.api('POST', '/api/integrations', { body });
    expect(response.status).toBe(422);
    expect(response.body.detail).toContainEqual(expect.objectContaining({ loc, type }));
    expect(await server.sim.events()).toHaveLength(0);
  });

  it.each([
    ['slack', 'Slack integration is not available yet'],
    ['microsoft_teams', 'Microsoft Teams integration is not available yet'],
  ])('refuses %s as not available yet', async (type, msg) => {
    const response = await server.api('POST', '/api/integrations', { body: { type, api_access_token: 'x' } });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({ loc: ['body', 'type'], msg });
  });
});

describe('GET, PUT and DELETE /api/integrations/{id}', () => {
  it('rotates a key: validates it first and changes `updated`, never returning a secret', async () => {
    const created = (await create(key())).body;
    await server.sim.reset();
    const next = key();
    const updated = await server.api('PUT', `/api/integrations/${created.id}`, { body: { api_access_token: next } });
    expect(updated.status).toBe(200);
    expect(updated.body.updated > created.updated).toBe(true);
    expect(updated.body.created).toBe(created.created);
    const events = await server.sim.events();
    expect(events.map((e) => [e.endpoint, e.body.routing_key])).toEqual([['change', next]]);
    const fetched = await server.api('GET', `/api/integrations/${created.id}`);
    expect(fetched.body).toEqual(updated.body);
  });

  it('keeps the old key when the new one is refused', async () => {
    const original = key();
    const created = (await create(original)).body;
    const response = await server.api('PUT', `/api/integrations/${created.id}`, {
      body: { api_access_token: 'short' },
    });
    expect(response.status).toBe(400);
    expect(response.body.detail[0].loc).toEqual(['body', 'api_access_token']);
    expect((await server.api('GET', `/api/integrations/${created.id}`)).body.updated).toBe(created.updated);
    await server.sim.reset();
    const test = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'after failed rotation' },
    });
    expect(test.status).toBe(200);
    expect((await server.sim.events())[0]!.body.routing_key).toBe(original);
  });

  it('keeps the stored key when the secret is left out, and refuses blanking or clearing it', async () => {
    const created = (await create(key())).body;
    await server.sim.reset();
    const same = await server.api('PUT', `/api/integrations/${created.id}`, { body: {} });
    expect(same.status).toBe(200);
    expect(await server.sim.events()).toHaveLength(0);
    for (const value of ['', null]) {
      const response = await server.api('PUT', `/api/integrations/${created.id}`, {
        body: { api_access_token: value },
      });
      expect(response.status).toBe(422);
      expect(response.body.detail[0].loc).toEqual(['body', 'api_access_token']);
    }
    const changeType = await server.api('PUT', `/api/integrations/${created.id}`, { body: { type: 'slack' } });
    expect(changeType.status).toBe(422);
  });

  it('answers unknown and non-numeric ids with 404 and 422', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const body = method === 'PUT' ? { api_access_token: key() } : undefined;
      const missing = await server.api(method, '/api/integrations/424242', { body });
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ detail: 'Integration 424242 not found' });
      const bad = await server.api(method, '/api/integrations/abc', { body });
      expect(bad.status).toBe(422);
      expect(bad.body.detail[0].loc).toEqual(['path', 'id']);
    }
  });

  it('deletes with 204 and keeps the flows that use PagerDuty', async () => {
    const created = (await create(key())).body;
    const flow = await server.api('POST', '/api/flows', {
      body: { name: 'Keep me', trigger_type: 'anomaly', actions: [{ type: 'PagerDuty', tokenized_message: 'x' }] },
    });
    const deleted = await server.api('DELETE', `/api/integrations/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await server.api('GET', `/api/integrations/${created.id}`)).status).toBe(404);
    expect((await server.api('GET', `/api/flows/${flow.body.id}`)).body.actions).toHaveLength(1);
  });

  it('accepts a DELETE that carries an empty JSON body', async () => {
    const created = (await create(key())).body;
    const deleted = await server.api('DELETE', `/api/integrations/${created.id}`, { rawBody: '' });
    expect(deleted.status).toBe(204);
  });
});

describe('PAGERDUTY_EVENTS_URL', () => {
  it('sends events to <base>/v2/... and mounts no simulator of its own', async () => {
    const pagerDuty = Fastify();
    await pagerDuty.register(pagerDutySimulator, { prefix: '/elsewhere', holdMs: 100 });
    const base = (await pagerDuty.listen({ port: 0, host: '127.0.0.1' })) + '/elsewhere';
    const remote = await startTestServer({ PAGERDUTY_EVENTS_URL: base });
    try {
      const routingKey = key();
      const created = await remote.api('POST', '/api/integrations', {
        body: { type: 'pagerduty', api_access_token: routingKey },
      });
      expect(created.status).toBe(201);
      const events = (await (await fetch(`${base}/_control/events`)).json()) as { body: { routing_key: string } }[];
      expect(events.map((e) => e.body.routing_key)).toEqual([routingKey]);
      expect((await fetch(`${remote.url}/pagerduty-sim/_control/events`)).status).toBe(404);
    } finally {
      await remote.close();
      await pagerDuty.close();
    }
  });
});

describe('unreachable PagerDuty', () => {
  it('answers 502 when nothing listens at PAGERDUTY_EVENTS_URL', async () => {
    const offline = await startTestServer({ PAGERDUTY_EVENTS_URL: `http://127.0.0.1:${await freePort()}` });
    try {
      const response = await offline.api('POST', '/api/integrations', {
        body: { type: 'pagerduty', api_access_token: key() },
      });
      expect(response.status).toBe(502);
      expect(response.body).toMatchObject({
        code: 'unreachable',
        detail: expect.stringMatching(/Could not reach PagerDuty/),
      });
      expect((await offline.api('GET', '/api/integrations')).body).toEqual([]);
      expect(leakedSecrets(offline, [...usedKeys, ...Object.values(TEST_TOKENS)])).toEqual([]);
    } finally {
      await offline.close();
    }
  });
});

describe('GET /api/alerting/{type}/list-channels', () => {
  it('is [] for PagerDuty, 409 for a known integration that is not connected, 404 otherwise', async () => {
    expect((await server.api('GET', '/api/alerting/pagerduty/list-channels')).body).toEqual([]);
    const slack = await server.api('GET', '/api/alerting/slack/list-channels');
    expect(slack.status).toBe(409);
    expect(slack.body).toEqual({ detail: 'Slack is not connected.' });
    expect((await server.api('GET', '/api/alerting/fax/list-channels')).status).toBe(404);
  });
});

describe('GET /api/integrations-specifications', () => {
  it('lists PagerDuty as in the brief, and Slack and Teams as not implemented', async () => {
    const specs = (await server.api('GET', '/api/integrations-specifications')).body;
    const pagerduty = specs.find((s: { type: string }) => s.type === 'pagerduty');
    expect(pagerduty).toMatchObject({ label: 'PagerDuty', implemented: true, category: 'alerting' });
    expect(pagerduty.properties).toEqual([
      expect.objectContaining({
        group: { name: 'Connection Properties', outline: true },
        field: 'api_access_token',
        map_to: 'api_access_token',
        required: true,
        secret: true,
        type: 'string',
        title: 'Routing Key',
        placeholder: 'your-routing-key',
        info_md: expect.stringMatching(
          /^The \*\*Integration Key\*\* \(Routing Key\) from your PagerDuty Events API v2 integration/,
        ),
      }),
    ]);
    expect(specs.filter((s: { implemented: boolean }) => !s.implemented).map((s: { type: string }) => s.type)).toEqual([
      'slack',
      'microsoft_teams',
    ]);
  });
});

describe('secrets', () => {
  it('no response body or log line contains a routing key or API token used above', () => {
    expect(usedKeys.length).toBeGreaterThan(10);
    expect(leakedSecrets(server, [...usedKeys, ...Object.values(TEST_TOKENS)])).toEqual([]);
  });
});
