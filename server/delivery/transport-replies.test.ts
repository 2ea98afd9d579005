import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter, pagerDutyTransport } from './transport';

/** A stand-in for PagerDuty on loopback: each test says how it answers. */
let answer: (response: ServerResponse) => void = () => {};
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.url === '/v2/enqueue' || request.url === '/v2/change/enqueue') return answer(response);
    response.writeHead(404).end();
  });
});
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const KEY = 'R0ut1ngKeyR0ut1ngKeyR0ut1ngKey12';
const NOW = Date.parse('2026-03-01T09:00:00.000Z');
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
const send = (endpoint: 'enqueue' | 'change' = 'enqueue') =>
  pagerDutyTransport({ baseUrl: () => `${base}/`, timeoutMs: 200, now: () => NOW }).attempt(endpoint, {
    routing_key: KEY,
    event_action: 'trigger',
  });

describe('what an attempt makes of a 2xx', () => {
  it('is delivered on any 2xx with a status and a dedup key, keeping only what PagerDuty said', async () => {
    answer = json(200, { status: 'success', message: 'Event processed', dedup_key: 'd1', extra: 1 });
    const result = await send();
    expect(result).toMatchObject({ outcome: 'delivered', httpStatus: 200, retryAfterMs: null });
    expect(result.reply).toStrictEqual({ status: 'success', message: 'Event processed', dedup_key: 'd1' });
    expect(result).not.toHaveProperty('failureCode');
  });

  it('posts to the Events API path under a base URL given with trailing slashes', async () => {
    answer = json(202, { status: 'success', message: 'Event processed', dedup_key: 'd1' });
    const slashes = pagerDutyTransport({ baseUrl: () => `${base}//`, timeoutMs: 200, now: () => NOW });
    expect((await slashes.attempt('enqueue', { routing_key: KEY })).outcome).toBe('delivered');
    expect((await slashes.attempt('change', { routing_key: KEY })).outcome).toBe('delivered');
  });

  it('is not confirmed when an event reply has no dedup key, but a change event needs none', async () => {
    answer = json(202, { status: 'success', message: 'Event processed' });
    const event = await send();
    expect(event).toMatchObject({
      outcome: 'retryable',
      failureCode: 'pagerduty_error',
      detail:
        'PagerDuty answered HTTP 202 with a reply that could not be understood, so delivery is not confirmed. Check the PagerDuty service, then try again.',
    });
    expect(event.reply).toStrictEqual({ status: 'success', message: 'Event processed' });
    expect((await send('change')).outcome).toBe('delivered');
  });

  it('treats a 3xx as unexpected, not as delivered', async () => {
    answer = json(300, { status: 'success', message: 'Event processed', dedup_key: 'd1' });
    expect(await send()).toMatchObject({
      outcome: 'retryable',
      detail:
        'PagerDuty answered HTTP 300, which this server does not expect. Check PAGERDUTY_EVENTS_URL and any proxy in between.',
    });
  });
});

describe('what an attempt makes of a refusal', () => {
  it("fails a 400 with all of PagerDuty's reasons, or its message, or a sentence of its own", async () => {
    answer = json(400, { status: 'invalid event', message: 'Event object is invalid', errors: ['bad a', 'bad b'] });
    expect(await send()).toMatchObject({ outcome: 'rejected', failureCode: 'invalid_event', detail: 'bad a; bad b' });
    answer = json(400, { status: 'invalid event', message: 'Event object is invalid' });
    expect((await send()).detail).toBe('Event object is invalid');
    answer = json(400, 'not json');
    expect(await send()).toMatchObject({
      outcome: 'rejected',
      reply: null,
      failureCode: 'invalid_event',
      detail: 'PagerDuty refused the event.',
    });
  });

  it('replaces an echoed routing key with a marker instead of passing it on', async () => {
    answer = json(400, { status: 'invalid event', message: `bad ${KEY}`, errors: [`unknown ${KEY}`] });
    expect(await send()).toMatchObject({
      reply: { status: 'invalid event', message: 'bad [routing key]', errors: ['unknown [routing key]'] },
      failureCode: 'invalid_key',
      detail: 'unknown [routing key]',
    });
  });

  it('retries a 429 after its Retry-After date, measured on the injected clock', async () => {
    answer = json(429, {}, { 'retry-after': new Date(NOW + 45_000).toUTCString() });
    expect(await send()).toMatchObject({
      outcome: 'retryable',
      retryAfterMs: 45_000,
      failureCode: 'rate_limited',
      detail: 'PagerDuty is receiving too many events for this Routing Key and asked to slow down.',
    });
  });

  it('names the HTTP status of a 5xx, from 500 up', async () => {
    for (const status of [500, 503]) {
      answer = json(status, 'busy');
      expect(await send()).toMatchObject({
        outcome: 'retryable',
        httpStatus: status,
        failureCode: 'pagerduty_error',
        detail: `PagerDuty is having trouble (HTTP ${status}).`,
      });
    }
  });
});

describe('what an attempt makes of a broken exchange', () => {
  it('says a reply larger than PagerDuty ever sends could not be read, and that delivery is not confirmed', async () => {
    answer = json(202, 'x'.repeat(300 * 1024));
    expect(await send()).toMatchObject({
      outcome: 'retryable',
      httpStatus: null,
      reply: null,
      failureCode: 'pagerduty_error',
      detail:
        "PagerDuty's reply could not be read (the reply is larger than pagerduty ever sends), so delivery is not confirmed. Try again in a minute.",
    });
  });

  it('names the timeout in seconds and the network error code', async () => {
    answer = () => {};
    expect((await send()).detail).toBe(
      'PagerDuty did not answer within 0.2 seconds. It may be slow or unreachable; try again in a minute.',
    );
    const nowhere = pagerDutyTransport({ baseUrl: () => 'http://127.0.0.1:9', timeoutMs: 500 });
    expect((await nowhere.attempt('change', { routing_key: KEY })).detail).toBe(
      'Could not reach PagerDuty at http://127.0.0.1:9 (ECONNREFUSED). Check the network path from this server to PagerDuty and try again.',
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads zero as now and ignores an empty, infinite or past value', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('2.5', NOW)).toBe(2500);
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('Infinity', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBe(0);
  });
});
