import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, flowSchema, integrationSchema } from '../../src/api/contract';
import { newRoutingKey, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * Two clients edit the same object: the one that read an older version is refused with 409 (it sends the `updated`
 * it read as If-Match) and told what the object is now; nothing it sent is stored.
 */

let server: TestServer;
const ifMatch = (updated: string) => ({ 'if-match': `"${updated}"` });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('stale writes', () => {
  it('refuses a flow update based on an older read, and keeps the earlier save', async () => {
    const created = await server.api('POST', '/api/flows', { body: { name: 'Shared', trigger_type: 'anomaly' } });
    const read = flowSchema.parse((await server.api('GET', `/api/flows/${created.body.id}`)).body);
    const tagged = await server.api('GET', `/api/flows/${read.id}`);
    expect(tagged.headers.get('etag')).toBe(`"${read.updated}"`);

    const first = await server.api('PUT', `/api/flows/${read.id}`, {
      body: { name: 'Saved first' },
      headers: ifMatch(read.updated),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${first.body.updated}"`);

    const second = await server.api('PUT', `/api/flows/${read.id}`, {
      body: { name: 'Saved later from a stale read' },
      headers: ifMatch(read.updated),
    });
    expect(second.status).toBe(409);
    const body = errorBodySchema.parse(second.body);
    expect(body.detail).toMatch(/changed by someone else/);
    expect(flowSchema.parse(body.conflict?.current)).toEqual(first.body);
    expect((await server.api('GET', `/api/flows/${read.id}`)).body.name).toBe('Saved first');

    // Based on the current version, the save goes through.
    const third = await server.api('PUT', `/api/flows/${read.id}`, {
      body: { name: 'Saved on top' },
      headers: ifMatch(first.body.updated),
    });
    expect(third.status).toBe(200);
  });

  it('still accepts a write without If-Match, as scripts send it', async () => {
    const created = await server.api('POST', '/api/flows', { body: { name: 'Scripted', trigger_type: 'manual' } });
    const updated = await server.api('PUT', `/api/flows/${created.body.id}`, { body: { name: 'Scripted again' } });
    expect(updated.status).toBe(200);
  });

  it('refuses a key rotation based on an older read: the key saved first stays', async () => {
    const created = await server.api('POST', '/api/integrations', {
      body: { type: 'pagerduty', api_access_token: newRoutingKey() },
    });
    const read = integrationSchema.parse(created.body);
    const firstKey = newRoutingKey();
    const first = await server.api('PUT', `/api/integrations/${read.id}`, {
      body: { api_access_token: firstKey },
      headers: ifMatch(read.updated),
    });
    expect(first.status).toBe(200);
    await server.sim.reset();

    const second = await server.api('PUT', `/api/integrations/${read.id}`, {
      body: { api_access_token: newRoutingKey() },
      headers: ifMatch(read.updated),
    });
    expect(second.status).toBe(409);
    expect(errorBodySchema.parse(second.body).conflict?.current).toEqual(first.body);
    // Refused before PagerDuty was asked: the stale key was never validated or stored.
    expect(await server.sim.events()).toEqual([]);
    const test = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'which key', parameters: { routing_key: null } },
    });
    expect(test.body.routing_key_last4).toBe(firstKey.slice(-4));
  });
});
