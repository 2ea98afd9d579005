import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowSchema } from '../../src/api/contract';
import {
  TEST_TOKENS,
  leakedSecrets,
  routingKeyTracker,
  startTestServer,
  type TestServer,
} from '../test-support/test-server';

let server: TestServer;
const { key, used: usedKeys } = routingKeyTracker();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const action = (extra: Record<string, unknown> = {}) => ({
  type: 'PagerDuty',
  tokenized_message: 'Anomaly in {{ container_name }}',
  ...extra,
});

describe('flows CRUD', () => {
  it('creates with defaults, lists, reads, updates and deletes', async () => {
    const created = await server.api('POST', '/api/flows', {
      body: { name: '  Orders freshness ', trigger_type: 'anomaly', actions: [action()] },
    });
    expect(created.status).toBe(201);
    const flow = flowSchema.parse(created.body);
    expect(flow.name).toBe('Orders freshness');
    expect(flow.actions[0]).toMatchObject({
      type: 'PagerDuty',
      tokenized_message: 'Anomaly in {{ container_name }}',
      parameters: { severity: 'info', custom_details: {}, routing_key_configured: false },
      last_test: null,
    });
    expect((await server.api('GET', '/api/flows', { as: 'Member' })).body.map((f: { id: number }) => f.id)).toContain(
      flow.id,
    );
    expect((await server.api('GET', `/api/flows/${flow.id}`, { as: 'Member' })).body).toEqual(created.body);

    const renamed = await server.api('PUT', `/api/flows/${flow.id}`, {
      body: { name: 'Orders late', trigger_type: 'operation' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Orders late', trigger_type: 'operation', created: flow.created });
    expect(renamed.body.updated > flow.updated).toBe(true);
    expect(renamed.body.actions).toEqual(created.body.actions);

    expect((await server.api('DELETE', `/api/flows/${flow.id}`)).status).toBe(204);
    expect((await server.api('GET', `/api/flows/${flow.id}`)).status).toBe(404);
    expect((await server.api('DELETE', `/api/flows/${flow.id}`)).status).toBe(404);
  });

  it('stores severity and custom details and keeps the order of actions', async () => {
    const created = await server.api('POST', '/api/flows', {
      body: {
        name: 'Two actions',
        trigger_type: 'partition_scan',
        actions: [
          action({
            tokenized_message: 'first',
            parameters: { severity: 'critical', custom_details: { team: 'data', n: 3 } },
          }),
          action({ tokenized_message: 'second' }),
        ],
      },
    });
    expect(created.body.actions.map((a: { tokenized_message: string }) => a.tokenized_message)).toEqual([
      'first',
      'second',
    ]);
    expect(created.body.actions[0].parameters).toEqual({
      severity: 'critical',
      custom_details: { team: 'data', n: 3 },
      routing_key_configured: false,
    });
  });
});

describe('routing key overrides', () => {
  it('reports an override without returning it, keeps it when omitted, replaces and clears it', async () => {
    const override = key();
    const created = await server.api('POST', '/api/flows', {
      body: { name: 'Override', trigger_type: 'anomaly', actions: [action({ parameters: { routing_key: override } })] },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(override);
    const actionId = created.body.actions[0].id;
    expect(created.body.actions[0].parameters.routing_key_configured).toBe(true);

    const kept = await server.api('PUT', `/api/flows/${created.body.id}`, {
      body: { actions: [action({ id: actionId, tokenized_message: 'edited' })] },
    });
    expect(kept.body.actions[0]).toMatchObject({ id: actionId, tokenized_message: 'edited' });
    expect(kept.body.actions[0].parameters.routing_key_configured).toBe(true);

    await server.sim.reset();
    await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'x', flow_id: created.body.id, action_id: actionId },
    });
    expect((await server.sim.events())[0]?.body.routing_key).toBe(override);

    const cleared = await server.api('PUT', `/api/flows/${created.body.id}`, {
      body: { actions: [action({ id: actionId, parameters: { routing_key: null } })] },
    });
    expect(cleared.body.actions[0].parameters.routing_key_configured).toBe(false);
  });

  it('checks the override format only, without calling PagerDuty', async () => {
    await server.sim.reset();
    const response = await server.api('POST', '/api/flows', {
      body: {
        name: 'Bad key',
        trigger_type: 'anomaly',
        actions: [action(), action({ parameters: { routing_key: 'not-a-key' } })],
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      {
        loc: ['body', 'actions', 1, 'parameters', 'routing_key'],
        msg: "Length of 'routing_key' is incorrect (should be 32 characters)",
        type: 'pagerduty.invalid_key',
      },
    ]);
    expect(await server.sim.events()).toHaveLength(0);
  });

  it('drops actions left out of the list, adds new ones and refuses ids of another flow', async () => {
    const a = await server.api('POST', '/api/flows', {
      body: { name: 'A', trigger_type: 'anomaly', actions: [action(), action()] },
    });
    const b = await server.api('POST', '/api/flows', {
      body: { name: 'B', trigger_type: 'anomaly', actions: [action()] },
    });
    const [first] = a.body.actions;
    const replaced = await server.api('PUT', `/api/flows/${a.body.id}`, {
      body: { actions: [action({ tokenized_message: 'new' }), action({ id: first.id })] },
    });
    expect(replaced.body.actions.map((x: { id: number }) => x.id)).toEqual([expect.any(Number), first.id]);
    expect(replaced.body.actions[0].id).not.toBe(a.body.actions[1].id);

    const foreign = await server.api('PUT', `/api/flows/${a.body.id}`, {
      body: { name: 'not applied', actions: [action({ id: b.body.actions[0].id })] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.detail[0]).toMatchObject({ loc: ['body', 'actions', 0, 'id'], type: 'unknown_id' });
    expect((await server.api('GET', `/api/flows/${a.body.id}`)).body).toEqual(replaced.body);

    const onCreate = await server.api('POST', '/api/flows', {
      body: { name: 'C', trigger_type: 'anomaly', actions: [action({ id: first.id })] },
    });
    expect(onCreate.status).toBe(422);
    expect((await server.api('GET', '/api/flows')).body.some((f: { name: string }) => f.name === 'C')).toBe(false);
  });
});

describe('bad input', () => {
  it('names the field as the form does: "Flow name is required"', async () => {
    const response = await server.api('POST', '/api/flows', { body: { name: '  ', trigger_type: 'anomaly' } });
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([
      expect.objectContaining({ loc: ['body', 'name'], msg: 'Flow name is required' }),
    ]);
  });

  it.each([
    ['missing name', { trigger_type: 'anomaly' }, ['body', 'name']],
    ['blank name', { name: '   ', trigger_type: 'anomaly' }, ['body', 'name']],
    ['long name', { name: 'x'.repeat(201), trigger_type: 'anomaly' }, ['body', 'name']],
    ['unknown trigger', { name: 'x', trigger_type: 'sometimes' }, ['body', 'trigger_type']],
    ['extra field', { name: 'x', trigger_type: 'anomaly', owner: 'me' }, ['body', 'owner']],
    ['wrong-typed actions', { name: 'x', trigger_type: 'anomaly', actions: 'none' }, ['body', 'actions']],
    [
      'bad severity',
      { name: 'x', trigger_type: 'anomaly', actions: [action({ parameters: { severity: 'loud' } })] },
      ['body', 'actions', 0, 'parameters', 'severity'],
    ],
    [
      'custom details not an object',
      { name: 'x', trigger_type: 'anomaly', actions: [action({ parameters: { custom_details: 'text' } })] },
      ['body', 'actions', 0, 'parameters', 'custom_details'],
    ],
    [
      'extra parameter',
      { name: 'x', trigger_type: 'anomaly', actions: [action({ parameters: { urgency: 'high' } })] },
      ['body', 'actions', 0, 'parameters', 'urgency'],
    ],
    ['a JSON array', [], ['body']],
  ])('answers %s with 422 located on the field', async (_, body, loc) => {
    const response = await server.api('POST', '/api/flows', { body });
    expect(response.status).toBe(422);
    expect(response.body.detail).toContainEqual(expect.objectContaining({ loc }));
  });

  it('answers a non-numeric or zero id with 422 and an unknown id with 404', async () => {
    expect((await server.api('GET', '/api/flows/abc')).body.detail[0].loc).toEqual(['path', 'id']);
    expect((await server.api('GET', '/api/flows/0')).status).toBe(422);
    expect((await server.api('GET', '/api/flows/1.5')).status).toBe(422);
    const missing = await server.api('PUT', '/api/flows/987654', { body: { name: 'x' } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Flow 987654 not found' });
  });

  it('no response body or log line contains an override key or API token', () => {
    expect(leakedSecrets(server, [...usedKeys, ...Object.values(TEST_TOKENS)])).toEqual([]);
  });
});
