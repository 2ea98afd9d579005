import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRoutingKey, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ifMatch = (updated: string) => ({ 'if-match': `"${updated}"` });

describe('If-Match on flows', () => {
  it('tags reads and writes with an ETag and refuses a write based on an older version', async () => {
    const created = await server.api('POST', '/api/flows', { body: { name: 'Shared', trigger_type: 'anomaly' } });
    expect(created.headers.get('etag')).toBe(`"${created.body.updated}"`);
    const read = await server.api('GET', `/api/flows/${created.body.id}`);
    expect(read.headers.get('etag')).toBe(`"${read.body.updated}"`);

    const first = await server.api('PUT', `/api/flows/${read.body.id}`, {
      body: { name: 'Saved first' },
      headers: ifMatch(read.body.updated),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${first.body.updated}"`);

    const stale = await server.api('PUT', `/api/flows/${read.body.id}`, {
      body: { name: 'From a stale form' },
      headers: ifMatch(read.body.updated),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      detail: 'This flow was changed by someone else since you opened it. Review the current version and save again.',
      conflict: { current: first.body },
    });
    expect((await server.api('GET', `/api/flows/${read.body.id}`)).body.name).toBe('Saved first');

    let latest = first.body.updated as string;
    for (const header of [(u: string) => `W/"${u}"`, (u: string) => `"nope", "${u}"`, () => '*']) {
      const ok = await server.api('PUT', `/api/flows/${read.body.id}`, {
        body: {},
        headers: { 'if-match': header(latest) },
      });
      expect(ok.status, header(latest)).toBe(200);
      latest = ok.body.updated;
    }
    const blind = await server.api('PUT', `/api/flows/${read.body.id}`, { body: { name: 'A script' } });
    expect(blind.status).toBe(200);
  });
});

describe('If-Match on integrations', () => {
  it('refuses a stale key rotation before asking PagerDuty, and keeps the key saved first', async () => {
    const created = await server.api('POST', '/api/integrations', {
      body: { type: 'pagerduty', api_access_token: newRoutingKey() },
    });
    expect(created.headers.get('etag')).toBe(`"${created.body.updated}"`);
    const firstKey = newRoutingKey();
    const first = await server.api('PUT', `/api/integrations/${created.body.id}`, {
      body: { api_access_token: firstKey },
      headers: ifMatch(created.body.updated),
    });
    expect(first.status).toBe(200);
    await server.sim.reset();
    const stale = await server.api('PUT', `/api/integrations/${created.body.id}`, {
      body: { api_access_token: newRoutingKey() },
      headers: ifMatch(created.body.updated),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.conflict).toEqual({ current: first.body });
    expect(await server.sim.events()).toEqual([]);
    const read = await server.api('GET', `/api/integrations/${created.body.id}`);
    expect(read.headers.get('etag')).toBe(`"${first.body.updated}"`);
    const test = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'which key' },
    });
    expect(test.body.routing_key_last4).toBe(firstKey.slice(-4));
  });
});
