import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isApiError, issueField, networkError } from './api-error';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('apiErrorFromResponse', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [400, 'validation'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
    [504, 'timeout'],
  ] as const)('maps %i to %s and keeps the sentence', async (status, kind) => {
    const error = await apiErrorFromResponse(json(status, { detail: 'Something specific happened' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.detail).toContain('Something specific happened');
  });

  it('says "Manager permission required" for 403', async () => {
    const error = await apiErrorFromResponse(json(403, { detail: 'Requires the Manager role' }));
    expect(error.detail).toMatch(/^Manager permission required/);
    const bare = await apiErrorFromResponse(new Response('', { status: 403 }));
    expect(bare.detail).toBe('Manager permission required');
    // The server's own refusal already names the permission: said once, not "X: X".
    const server = await apiErrorFromResponse(json(403, { detail: 'Manager permission required' }));
    expect(server.detail).toBe('Manager permission required');
  });

  it('turns a 422 detail list into field errors and one joined sentence', async () => {
    const error = await apiErrorFromResponse(
      json(422, {
        detail: [
          { loc: ['body', 'api_access_token'], msg: 'Field required', type: 'missing' },
          { loc: ['body'], msg: 'Unknown property', type: 'extra' },
        ],
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toHaveLength(2);
    expect(error.detail).toBe('api_access_token: Field required; Unknown property');
  });

  it('keeps the PagerDuty code and reply of a 400 for a refused key', async () => {
    const error = await apiErrorFromResponse(
      json(400, {
        detail: [{ loc: ['body', 'api_access_token'], msg: 'Invalid routing key', type: 'pagerduty' }],
        code: 'invalid_key',
        pagerduty: {
          http_status: 400,
          status: 'invalid event',
          message: 'Event object is invalid',
          errors: ['Invalid routing key'],
        },
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('invalid_key');
    expect(error.pagerduty?.errors).toEqual(['Invalid routing key']);
  });

  it('maps a 502 with a failure code to upstream, and a 502 timeout code to timeout', async () => {
    const failing = await apiErrorFromResponse(json(502, { detail: 'PagerDuty failed', code: 'pagerduty_error' }));
    expect(failing.kind).toBe('upstream');
    const slow = await apiErrorFromResponse(json(502, { detail: 'PagerDuty was slow', code: 'timeout' }));
    expect(slow.kind).toBe('timeout');
    const proxy = await apiErrorFromResponse(new Response('Bad gateway', { status: 502 }));
    expect(proxy.kind).toBe('server');
  });

  it('reads Retry-After from the header, else from the body', async () => {
    const fromHeader = await apiErrorFromResponse(json(429, { detail: 'Slow down' }, { 'Retry-After': '12' }));
    expect(fromHeader.retryAfter).toBe(12);
    const fromBody = await apiErrorFromResponse(json(429, { detail: 'Slow down', retry_after: 3 }));
    expect(fromBody.retryAfter).toBe(3);
  });

  it('gives a useful sentence with the status for an HTML body', async () => {
    const error = await apiErrorFromResponse(
      new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
        status: 500,
        statusText: 'Internal Server Error',
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    expect(error.kind).toBe('server');
    expect(error.detail).toContain('500');
    expect(error.detail).not.toContain('<html>');
  });

  it('gives a useful sentence for an empty body and for plain text', async () => {
    const empty = await apiErrorFromResponse(new Response(null, { status: 404 }));
    expect(empty.kind).toBe('not_found');
    expect(empty.detail).toMatch(/404.*empty/);
    const text = await apiErrorFromResponse(new Response('oops', { status: 409 }));
    expect(text.kind).toBe('conflict');
    expect(text.detail).toContain('409');
  });

  it('does not trust JSON that is not an error body', async () => {
    const error = await apiErrorFromResponse(json(500, { message: 'not our shape' }));
    expect(error.kind).toBe('server');
    expect(error.detail).toContain('500');
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('networkError and isApiError', () => {
  it('explains a network failure and promises the changes are kept', () => {
    const error = networkError();
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error)).toBe(true);
    expect(error.status).toBe(0);
    expect(error.kind).toBe('network');
    expect(error.detail).toBe('Cannot reach the server. Check your connection; your changes are kept.');
    expect(isApiError(new Error('x'))).toBe(false);
  });
});

describe('issueField', () => {
  it('names the field after the location prefix', () => {
    expect(issueField({ loc: ['body', 'api_access_token'], msg: '', type: '' })).toBe('api_access_token');
    expect(issueField({ loc: ['body', 'parameters', 'routing_key'], msg: '', type: '' })).toBe('routing_key');
    expect(issueField({ loc: ['body'], msg: '', type: '' })).toBeUndefined();
  });
});
