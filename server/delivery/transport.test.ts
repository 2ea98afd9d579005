import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter, pagerDutyTransport } from './transport';

let answer: { status: number; body: string; headers?: Record<string, string> } | 'hang' | 'drop';
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (answer === 'hang') return;
    if (answer === 'drop') return request.socket.destroy();
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(answer.body);
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

const KEY = 'kAbCdEfGhIjKlMnOpQrStUvWxYz012345'.slice(0, 32);
const transport = () => pagerDutyTransport({ baseUrl: () => base, timeoutMs: 200, now: () => 0 });
const send = () => transport().attempt('enqueue', { routing_key: KEY, event_action: 'trigger' });

describe('one attempt', () => {
  it('is delivered on 202 with a status and a dedup key', async () => {
    answer = { status: 202, body: JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: 'd1' }) };
    expect(await send()).toMatchObject({ outcome: 'delivered', httpStatus: 202, reply: { dedup_key: 'd1' } });
  });

  it("is rejected on 400 with PagerDuty's reasons verbatim, a key problem named as such", async () => {
    answer = { status: 400, body: JSON.stringify({ status: 'invalid event', errors: ['Invalid routing key'] }) };
    expect(await send()).toMatchObject({
      outcome: 'rejected',
      failureCode: 'invalid_key',
      detail: 'Invalid routing key',
    });
    answer = {
      status: 400,
      body: JSON.stringify({ status: 'invalid event', errors: ["'payload.summary' is missing"] }),
    };
    expect(await send()).toMatchObject({ outcome: 'rejected', failureCode: 'invalid_event' });
  });

  it('is retryable on 429 with its Retry-After, on 5xx, on an unreadable 202, a timeout and a dropped connection', async () => {
    answer = { status: 429, body: '{}', headers: { 'retry-after': '12' } };
    expect(await send()).toMatchObject({ outcome: 'retryable', failureCode: 'rate_limited', retryAfterMs: 12_000 });
    answer = { status: 503, body: 'busy' };
    expect(await send()).toMatchObject({
      outcome: 'retryable',
      failureCode: 'pagerduty_error',
      httpStatus: 503,
      reply: null,
    });
    answer = { status: 202, body: '<html>Accepted</html>' };
    expect(await send()).toMatchObject({ outcome: 'retryable', failureCode: 'pagerduty_error' });
    answer = 'hang';
    expect(await send()).toMatchObject({ outcome: 'retryable', failureCode: 'timeout', httpStatus: null });
    answer = 'drop';
    expect((await send()).outcome).toBe('retryable');
  });

  it('is retryable when nothing listens', async () => {
    const nowhere = pagerDutyTransport({ baseUrl: () => 'http://127.0.0.1:9', timeoutMs: 500 });
    expect(await nowhere.attempt('change', { routing_key: KEY })).toMatchObject({
      outcome: 'retryable',
      failureCode: 'unreachable',
    });
  });

  it('never passes the routing key on, should a reply echo it', async () => {
    answer = { status: 400, body: JSON.stringify({ status: 'invalid event', message: `bad ${KEY}`, errors: [KEY] }) };
    expect(JSON.stringify(await send())).not.toContain(KEY);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores anything else', () => {
    expect(parseRetryAfter('30', 0)).toBe(30_000);
    expect(parseRetryAfter(new Date(90_000).toUTCString(), 30_000)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(undefined, 0)).toBeNull();
  });
});
