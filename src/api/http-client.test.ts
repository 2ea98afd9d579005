import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from './mock-fetch';
import { isApiError, type ApiError } from './api-error';
import { apiRequest, buildPath, buildQueryString, configureAuth } from './http-client';

const integration = { id: 5, type: 'pagerduty', created: '2026-11-20T10:00:00Z', updated: '2026-11-20T10:00:00Z' };

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  let token: string | null;
  const onUnauthorized = vi.fn(() => {
    token = null;
  });

  beforeEach(() => {
    token = 'secret-token';
    onUnauthorized.mockClear();
    configureAuth({ getToken: () => token, onUnauthorized });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    configureAuth({ getToken: () => null, onUnauthorized: () => undefined });
  });

  it('sends the contract-typed query string, leaving unset filters out', async () => {
    const api = mockApi({ 'GET /api/notifications/deliveries': { body: { items: [], next_cursor: null } } });
    await apiRequest('listDeliveries', { query: { status: 'failed', limit: 50, flow_id: undefined, before: 'c 1' } });
    expect(api.requests[0]?.search).toBe('?status=failed&limit=50&before=c+1');
    expect(buildQueryString(undefined)).toBe('');
    expect(buildQueryString({ kind: '' })).toBe('');
  });

  it('uses the endpoint table for method and path and sends the bearer token', async () => {
    const api = mockApi({ 'GET /api/integrations/5': { body: integration } });
    const result = await apiRequest('getIntegration', { params: { id: 5 } });
    expect(result).toEqual(integration);
    expect(api.calls()).toEqual(['GET /api/integrations/5']);
    expect(api.requests[0]?.headers.get('Authorization')).toBe('Bearer secret-token');
  });

  it('sends a JSON body with its content type', async () => {
    const api = mockApi({ 'PUT /api/integrations/5': { body: integration } });
    await apiRequest('updateIntegration', { params: { id: 5 }, body: { api_access_token: 'new' } });
    expect(api.requests[0]?.method).toBe('PUT');
    expect(api.requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(api.requests[0]?.body).toEqual({ api_access_token: 'new' });
  });

  it('sends the version a write is based on as If-Match', async () => {
    const api = mockApi({ 'PUT /api/integrations/5': { body: integration } });
    await apiRequest('updateIntegration', { params: { id: 5 }, body: {}, ifMatch: '2026-11-20T10:00:00Z' });
    expect(api.requests[0]?.headers.get('If-Match')).toBe('"2026-11-20T10:00:00Z"');
  });

  it('sends no Authorization header without a token', async () => {
    token = null;
    const api = mockApi({ 'GET /api/health': { body: { status: 'ok' } } });
    await apiRequest('health');
    expect(api.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('returns undefined for a 204', async () => {
    mockApi({ 'DELETE /api/integrations/5': () => new Response(null, { status: 204 }) });
    await expect(apiRequest('deleteIntegration', { params: { id: 5 } })).resolves.toBeUndefined();
  });

  it('on 401 drops the session token through the auth hook', async () => {
    mockApi({ 'GET /api/integrations': { status: 401, body: { detail: 'Invalid token' } } });
    const error = await failure(apiRequest('listIntegrations'));
    expect(error.kind).toBe('unauthorized');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(token).toBeNull();
  });

  it('does not end the session when a candidate token is refused', async () => {
    const api = mockApi({ 'GET /api/users/me': { status: 401, body: { detail: 'Invalid token' } } });
    const error = await failure(apiRequest('me', { token: 'candidate' }));
    expect(error.kind).toBe('unauthorized');
    expect(api.requests[0]?.headers.get('Authorization')).toBe('Bearer candidate');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('rejects a success body that breaks the contract as bad_response', async () => {
    mockApi({ 'GET /api/integrations/5': { body: { id: 'five' } } });
    const error = await failure(apiRequest('getIntegration', { params: { id: 5 } }));
    expect(error.kind).toBe('bad_response');
    expect(error.status).toBe(200);
  });

  it('rejects a success body that is not JSON as bad_response', async () => {
    mockApi({ 'GET /api/integrations': () => new Response('<html>login</html>', { status: 200 }) });
    const error = await failure(apiRequest('listIntegrations'));
    expect(error.kind).toBe('bad_response');
  });

  it('turns a fetch TypeError into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failure(apiRequest('listIntegrations'));
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
  });

  it('lets an abort through as an abort, not as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new DOMException('Aborted', 'AbortError')));
    const controller = new AbortController();
    controller.abort();
    await expect(apiRequest('listIntegrations', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('maps error statuses through ApiError', async () => {
    mockApi({
      'POST /api/integrations': () =>
        jsonResponse(400, {
          detail: [{ loc: ['body', 'api_access_token'], msg: 'Invalid routing key', type: 'pagerduty' }],
          code: 'invalid_key',
        }),
    });
    const error = await failure(
      apiRequest('createIntegration', { body: { type: 'pagerduty', api_access_token: 'x' } }),
    );
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('invalid_key');
    expect(error.fieldErrors[0]?.msg).toBe('Invalid routing key');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('buildPath', () => {
  it('fills and encodes path parameters', () => {
    expect(buildPath('/api/alerting/:type/list-channels', { type: 'a b/c' })).toBe(
      '/api/alerting/a%20b%2Fc/list-channels',
    );
    expect(() => buildPath('/api/integrations/:id')).toThrow(/id/);
  });
});
