import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { endpoints, type EndpointName } from '../../src/api/contract';
import { addErrorHandling, addJsonParser } from './error-handling';
import { createFailureLimiter } from './rate-limiter';
import { registerEndpoints, type Handlers } from './register-endpoints';

/** Handlers that all fail loudly, except the ones a test provides. */
function handlers(overrides: Partial<Handlers>): Handlers {
  const unexpected = () => {
    throw new Error('not called in this test');
  };
  const all = Object.fromEntries(Object.keys(endpoints).map((name) => [name, unexpected])) as unknown as Handlers;
  return { ...all, ...overrides };
}

async function appWith(overrides: Partial<Handlers>) {
  const app = Fastify();
  addJsonParser(app);
  addErrorHandling(app, () => false);
  registerEndpoints(app, handlers(overrides), {
    authenticate: (token) =>
      token === 'member-token'
        ? { id: 3, name: 'Max Member', role: 'Member' }
        : token === 'manager-token'
          ? { id: 2, name: 'Morgan Manager', role: 'Manager' }
          : null,
    failures: createFailureLimiter(1000, 60_000),
  });
  return app;
}

describe('registerEndpoints', () => {
  it('registers every row of the endpoint table', async () => {
    const app = await appWith({});
    for (const name of Object.keys(endpoints) as EndpointName[]) {
      const { method, path } = endpoints[name];
      expect(app.hasRoute({ method, url: path }), name).toBe(true);
    }
  });

  it('refuses a handler answer that drifts from the contract with a 500', async () => {
    const app = await appWith({ health: () => ({ status: 'fine' }) as never });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ detail: 'The server produced a response that does not match its contract.' });
  });

  it('strips fields the contract does not know from strict response shapes', async () => {
    const app = await appWith({
      me: () => ({ id: 3, name: 'Max Member', role: 'Member', token_hash: 'abc' }) as never,
    });
    const response = await app.inject({
      method: 'GET',
      url: '/api/users/me',
      headers: { authorization: 'Bearer member-token' },
    });
    expect(response.json()).toEqual({ id: 3, name: 'Max Member', role: 'Member' });
  });

  it('passes parsed params and body to the handler', async () => {
    let seen: unknown;
    const app = await appWith({
      getFlow: ({ params }) => {
        seen = params;
        throw new Error('stop');
      },
    });
    await app.inject({ method: 'GET', url: '/api/flows/12', headers: { authorization: 'Bearer member-token' } });
    expect(seen).toEqual({ id: 12 });
  });

  it('parses the query with its schema, and answers a bad one with a 422 located in the query', async () => {
    let seen: unknown;
    const app = await appWith({
      listFlowExecutions: ({ query }) => {
        seen = query;
        return { items: [], next_cursor: null };
      },
    });
    const auth = { authorization: 'Bearer member-token' };
    const ok = await app.inject({ method: 'GET', url: '/api/flows/3/executions?limit=7', headers: auth });
    expect(ok.statusCode).toBe(200);
    expect(seen).toEqual({ limit: 7 });
    const bad = await app.inject({ method: 'GET', url: '/api/flows/3/executions?limit=lots', headers: auth });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].loc).toEqual(['query', 'limit']);
  });

  it('lets a body whose schema has a default be left out, and answers with the success status of the row', async () => {
    let seen: unknown;
    const app = await appWith({
      executeFlow: ({ body }) => {
        seen = body;
        return {
          id: 1,
          flow_id: 3,
          status: 'running',
          created: '2026-03-01T09:00:00.000Z',
          finished: null,
          actions: [],
        };
      },
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/flows/3/executions',
      headers: { authorization: 'Bearer manager-token' },
    });
    expect(response.statusCode).toBe(202);
    expect(seen).toEqual({});
  });
});
