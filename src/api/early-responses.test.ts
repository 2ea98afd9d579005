import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockApi, jsonResponse } from './mock-fetch';
import { earlyResponseMaxAgeMs, takeEarlyResponse } from './early-responses';
import { apiRequest, configureAuth } from './http-client';

const integration = { id: 5, type: 'pagerduty', created: '2026-11-20T10:00:00Z', updated: '2026-11-20T10:00:00Z' };

/** What the route preload script (index.html) leaves behind: reads started with `token` at `at`. */
function leaveEarly(token: string, responses: Record<string, Promise<Response>>, at = performance.now()) {
  globalThis.__qualyticsEarly = { token, at, responses };
}

describe('early responses', () => {
  beforeEach(() => configureAuth({ getToken: () => 'tab-token', onUnauthorized: () => undefined }));
  afterEach(() => {
    globalThis.__qualyticsEarly = undefined;
    configureAuth({ getToken: () => null, onUnauthorized: () => undefined });
  });

  it("answers the route's first read from the early request, once; the next one asks the server", async () => {
    const api = mockApi({ 'GET /api/integrations/5': { body: { ...integration, id: 5 } } });
    leaveEarly('tab-token', { '/api/integrations/5': Promise.resolve(jsonResponse(200, { ...integration, id: 7 })) });
    await expect(apiRequest('getIntegration', { params: { id: 5 } })).resolves.toMatchObject({ id: 7 });
    expect(api.requests).toHaveLength(0);
    await expect(apiRequest('getIntegration', { params: { id: 5 } })).resolves.toMatchObject({ id: 5 });
    expect(api.requests).toHaveLength(1);
  });

  it('parses the early answer by the contract, and treats its errors like any other', async () => {
    mockApi({});
    leaveEarly('tab-token', { '/api/integrations/5': Promise.resolve(jsonResponse(200, { id: 'five' })) });
    await expect(apiRequest('getIntegration', { params: { id: 5 } })).rejects.toMatchObject({ kind: 'bad_response' });
    leaveEarly('tab-token', {
      '/api/integrations/5': Promise.resolve(jsonResponse(404, { detail: 'Integration 5 not found.' })),
    });
    await expect(apiRequest('getIntegration', { params: { id: 5 } })).rejects.toMatchObject({ status: 404 });
  });

  it('asks again when the early request failed on the network', async () => {
    const api = mockApi({ 'GET /api/integrations/5': { body: integration } });
    leaveEarly('tab-token', { '/api/integrations/5': Promise.reject(new TypeError('Failed to fetch')) });
    await expect(apiRequest('getIntegration', { params: { id: 5 } })).resolves.toMatchObject({ id: 5 });
    expect(api.requests).toHaveLength(1);
  });

  it('is not used for another token, nor once it is old', () => {
    const answer = Promise.resolve(jsonResponse(200, integration));
    leaveEarly('old-token', { '/api/integrations/5': answer });
    expect(takeEarlyResponse('/api/integrations/5', 'tab-token')).toBeNull();
    // Dropped altogether: nothing asked with another token is ever handed out.
    expect(takeEarlyResponse('/api/integrations/5', 'old-token')).toBeNull();

    leaveEarly('tab-token', { '/api/integrations/5': answer }, 1_000);
    expect(takeEarlyResponse('/api/integrations/5', 'tab-token', 1_000 + earlyResponseMaxAgeMs + 1)).toBeNull();
    leaveEarly('tab-token', { '/api/integrations/5': answer }, 1_000);
    expect(takeEarlyResponse('/api/integrations/5', 'tab-token', 1_000 + earlyResponseMaxAgeMs)).toBe(answer);
  });

  it('is never used for a write, nor for a request with its own token', async () => {
    const api = mockApi({
      'DELETE /api/integrations/5': { status: 204 },
      'GET /api/users/me': { body: { id: 1, name: 'M', role: 'Manager' } },
    });
    const early = Promise.resolve(jsonResponse(500, {}));
    leaveEarly('tab-token', { '/api/integrations/5': early, '/api/users/me': early });
    await apiRequest('deleteIntegration', { params: { id: 5 } });
    await apiRequest('me', { token: 'other-token' }).catch(() => undefined);
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'DELETE /api/integrations/5',
      'GET /api/users/me',
    ]);
  });
});
