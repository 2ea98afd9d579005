import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventsClient, parseRetryAfter } from './events-client';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A stand-in PagerDuty answering with the given replies in turn; returns its base URL and the hits. */
async function fakePagerDuty(replies: ((res: ServerResponse) => void)[]) {
  const hits: { url: string; body: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      hits.push({ url: req.url ?? '', body });
      (replies[hits.length - 1] ?? replies.at(-1)!)(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/some/prefix`, hits };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

const client = (base: string) => createEventsClient({ baseUrl: () => base, timeoutMs: 500 });

describe('events client', () => {
  it('posts the event unchanged to <base>/v2/enqueue and <base>/v2/change/enqueue', async () => {
    const pd = await fakePagerDuty([json(202, { status: 'success', message: 'Event processed', dedup_key: 'd' })]);
    const event = { routing_key: KEY, event_action: 'trigger', payload: { summary: 's' } };
    expect(await client(pd.base).attemptEvent('enqueue', event)).toMatchObject({
      outcome: 'delivered',
      reply: { status: 'success', message: 'Event processed', dedup_key: 'd' },
    });
    await client(pd.base + '/').attemptEvent('change', { routing_key: KEY });
    expect(pd.hits.map((h) => h.url)).toEqual(['/some/prefix/v2/enqueue', '/some/prefix/v2/change/enqueue']);
    expect(JSON.parse(pd.hits[0]!.body)).toEqual(event);
  });

  it('never passes the routing key back, even if a proxy echoes it', async () => {
    const pd = await fakePagerDuty([
      json(400, { status: 'invalid event', message: `bad ${KEY}`, errors: [`Invalid routing key ${KEY}`] }),
    ]);
    const outcome = await client(pd.base).attemptEvent('enqueue', { routing_key: KEY });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect(outcome).toMatchObject({
      outcome: 'rejected',
      failure: { code: 'invalid_key', detail: 'Invalid routing key [routing key]' },
    });
  });

  it('stops reading a reply far larger than PagerDuty ever sends', async () => {
    const pd = await fakePagerDuty([
      (res) => {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('"' + 'x'.repeat(2 * 1024 * 1024) + '"');
      },
    ]);
    const outcome = await client(pd.base).attemptEvent('enqueue', { routing_key: KEY });
    expect(outcome).toMatchObject({ outcome: 'retryable', failure: { code: 'pagerduty_error' } });
  });

  it('treats an unexpected status as a PagerDuty error the outbox may retry, not a success', async () => {
    const pd = await fakePagerDuty([json(404, { message: 'no such route' })]);
    const outcome = await client(pd.base).attemptEvent('enqueue', { routing_key: KEY });
    expect(outcome).toMatchObject({
      outcome: 'retryable',
      httpStatus: 404,
      failure: { code: 'pagerduty_error', reply: { http_status: 404 } },
    });
    expect(pd.hits).toHaveLength(1);
  });

  it('keeps no reply when the answer is not JSON', async () => {
    const pd = await fakePagerDuty([
      (res) => {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('busy');
      },
    ]);
    expect(await client(pd.base).attemptEvent('enqueue', { routing_key: KEY })).toMatchObject({
      outcome: 'retryable',
      httpStatus: 503,
      reply: null,
      failure: { code: 'pagerduty_error' },
    });
  });

  it('gives a person waiting a hint on a 429 without Retry-After, and the outbox none of its own', async () => {
    const pd = await fakePagerDuty([json(429, { status: 'throttle event' })]);
    expect(await client(pd.base).attemptEvent('enqueue', { routing_key: KEY })).toMatchObject({
      outcome: 'retryable',
      retryAfterMs: null,
      failure: { code: 'rate_limited', retryAfterSeconds: 30 },
    });
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

describe('attemptEvent (one try, for the outbox)', () => {
  /** A clock that moves 25 ms per reading, so durations are exact without a real clock. */
  const ticking = () => {
    let t = 1000;
    return () => (t += 25);
  };
  const once = (base: string) => createEventsClient({ baseUrl: () => base, timeoutMs: 300, now: ticking() });

  it('reports 202 as delivered with the reply, and sets the routing key it is given', async () => {
    const pd = await fakePagerDuty([json(202, { status: 'success', message: 'Event processed', dedup_key: 'd' })]);
    const result = await once(pd.base).attemptEvent('enqueue', { event_action: 'trigger' }, KEY);
    expect(result).toEqual({
      outcome: 'delivered',
      httpStatus: 202,
      durationMs: 25,
      retryAfterMs: null,
      reply: { status: 'success', message: 'Event processed', dedup_key: 'd' },
    });
    expect(JSON.parse(pd.hits[0]!.body)).toEqual({ event_action: 'trigger', routing_key: KEY });
  });

  it('reports 400 as rejected, once, with the reasons and no key', async () => {
    const pd = await fakePagerDuty([json(400, { status: 'invalid event', errors: [`Invalid routing key ${KEY}`] })]);
    const result = await once(pd.base).attemptEvent('enqueue', { routing_key: KEY });
    expect(result).toMatchObject({
      outcome: 'rejected',
      httpStatus: 400,
      retryAfterMs: null,
      reply: { status: 'invalid event', errors: ['Invalid routing key [routing key]'] },
      failure: { code: 'invalid_key' },
    });
    expect(pd.hits).toHaveLength(1);
  });

  it('reports 429 and 5xx as retryable without retrying, with the Retry-After in ms', async () => {
    const pd = await fakePagerDuty([
      json(429, { status: 'throttle event' }, { 'retry-after': '7' }),
      json(503, { status: 'unavailable' }),
    ]);
    const client = once(pd.base);
    expect(await client.attemptEvent('enqueue', { routing_key: KEY })).toMatchObject({
      outcome: 'retryable',
      httpStatus: 429,
      retryAfterMs: 7000,
      failure: { code: 'rate_limited', retryAfterSeconds: 7 },
    });
    expect(await client.attemptEvent('enqueue', { routing_key: KEY })).toMatchObject({
      outcome: 'retryable',
      httpStatus: 503,
      retryAfterMs: null,
      failure: { code: 'pagerduty_error' },
    });
    expect(pd.hits).toHaveLength(2);
  });

  it('reports a refused connection, a timeout and an unreadable 202 as retryable', async () => {
    const refused = await once('http://127.0.0.1:1').attemptEvent('enqueue', { routing_key: KEY });
    expect(refused).toMatchObject({
      outcome: 'retryable',
      httpStatus: null,
      reply: null,
      failure: { code: 'unreachable' },
    });

    const silent = await fakePagerDuty([() => undefined]);
    const timedOut = await once(silent.base).attemptEvent('enqueue', { routing_key: KEY });
    expect(timedOut).toMatchObject({ outcome: 'retryable', httpStatus: null, failure: { code: 'timeout' } });

    const html = await fakePagerDuty([
      (res) => {
        res.writeHead(202, { 'content-type': 'text/html' });
        res.end('<html>proxy</html>');
      },
    ]);
    expect(await once(html.base).attemptEvent('enqueue', { routing_key: KEY })).toMatchObject({
      outcome: 'retryable',
      httpStatus: 202,
      failure: { code: 'pagerduty_error' },
    });
  });
});
