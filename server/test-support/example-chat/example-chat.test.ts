import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationSchema } from '../../../src/api/contract';
import { leakedSecrets, startTestServer, type TestServer } from '../test-server';
import { EXAMPLE_CHANNELS, exampleChatConnector, exampleChatSpec } from './example-chat-connector';

const TOKEN = 'xoxb-example-chat-secret-0001';
const ROTATED = 'xoxb-example-chat-secret-0002';
const checked: string[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, { connectors: [exampleChatConnector(checked)] });
});
afterAll(() => server.close());

describe('a second integration type, registered by the test harness only', () => {
  it('is listed with the production types', async () => {
    const specs = (await server.api('GET', '/api/integrations-specifications')).body;
    expect(specs.map((s: { type: string }) => s.type)).toEqual([
      'pagerduty',
      'slack',
      'microsoft_teams',
      'example_chat',
    ]);
    expect(specs.at(-1)).toEqual(exampleChatSpec);
  });

  it('goes through connect, settings, list-channels and disconnect in the generic handlers', async () => {
    const channels = `/api/alerting/example_chat/list-channels`;
    expect((await server.api('GET', channels)).status).toBe(409);

    const refused = await server.api('POST', '/api/integrations', {
      body: { type: 'example_chat', api_access_token: 'not-a-bot-token', channel: 'C01' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.detail[0].loc).toEqual(['body', 'api_access_token']);

    const connected = await server.api('POST', '/api/integrations', {
      body: { type: 'example_chat', api_access_token: TOKEN, channel: 'C01', accent: '#ff8800' },
    });
    expect(connected.status).toBe(201);
    expect(integrationSchema.parse(connected.body)).toMatchObject({
      type: 'example_chat',
      channel: 'C01',
      accent: '#ff8800',
      secrets_configured: { api_access_token: true },
    });
    expect(checked).toEqual(['not-a-bot-token', TOKEN]);

    const path = `/api/integrations/${connected.body.id}`;
    const fetched = await server.api('GET', path);
    expect(fetched.body).toEqual(connected.body);
    expect(fetched.body).not.toHaveProperty('api_access_token');
    expect(fetched.body).not.toHaveProperty('bot_token');

    const moved = await server.api('PUT', path, { body: { channel: 'C02' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      channel: 'C02',
      accent: '#ff8800',
      secrets_configured: { api_access_token: true },
    });
    expect(checked).toHaveLength(2);
    const rotated = await server.api('PUT', path, { body: { api_access_token: ROTATED } });
    expect(rotated.status).toBe(200);
    expect(checked.at(-1)).toBe(ROTATED);

    expect((await server.api('GET', channels)).body).toEqual(EXAMPLE_CHANNELS);

    // Verify hands the connector the stored secret; a type that records no deliveries keeps no health.
    const verified = await server.api('POST', `${path}/verify`);
    expect(verified.status, verified.text).toBe(200);
    expect(checked.at(-1)).toBe(ROTATED);
    expect(checked).toHaveLength(4);
    expect(verified.body).toMatchObject({
      secrets_configured: { api_access_token: true },
      health: { state: 'no_deliveries' },
    });

    expect((await server.api('DELETE', path)).status).toBe(204);
    expect((await server.api('GET', path)).status).toBe(404);
    expect((await server.api('GET', channels)).status).toBe(409);
  });

  it('is refused under its field name, as the map_to rule says', async () => {
    const response = await server.api('POST', '/api/integrations', {
      body: { type: 'example_chat', bot_token: TOKEN, channel: 'C01' },
    });
    expect(response.status).toBe(422);
    expect(response.body.detail.map((i: { loc: unknown[] }) => i.loc)).toEqual([
      ['body', 'bot_token'],
      ['body', 'api_access_token'],
    ]);
  });

  it('never answers or logs its token', () => {
    expect(leakedSecrets(server, [TOKEN, ROTATED])).toEqual([]);
  });
});
