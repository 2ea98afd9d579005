import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventsClient } from './events-client';

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

const client = (base: string) => createEventsClient({ baseUrl: () => base, timeoutMs: 500, retryDelayMs: 1 });

describe('events client', () => {
  it('posts the event unchanged to <base>/v2/enqueue and <base>/v2/change/enqueue', async () => {
    const pd = await fakePagerDuty([json(202, { status: 'success', message: 'Event processed', dedup_key: 'd' })]);
    const event = { routing_key: KEY, event_action: 'trigger', payload: { summary: 's' } };
    expect(await client(pd.base).send('enqueue', event)).toEqual({
      ok: true,
      reply: { status: 'success', message: 'Event processed', dedup_key: 'd' },
    });
    await client(pd.base + '/').send('change', { routing_key: KEY });
    expect(pd.hits.map((h) => h.url)).toEqual(['/some/prefix/v2/enqueue', '/some/prefix/v2/change/enqueue']);
    expect(JSON.parse(pd.hits[0]!.body)).toEqual(event);
  });

  it("honours PagerDuty's Retry-After after the last 429", async () => {
    const pd = await fakePagerDuty([json(429, { status: 'throttle event' }, { 'retry-after': '7' })]);
    const outcome = await client(pd.base).send('enqueue', { routing_key: KEY });
    expect(pd.hits).toHaveLength(3);
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'rate_limited', retryAfterSeconds: 7 } });
  });

  it('never passes the routing key back, even if a proxy echoes it', async () => {
    const pd = await fakePagerDuty([
      json(400, { status: 'invalid event', message: `bad ${KEY}`, errors: [`Invalid routing key ${KEY}`] }),
    ]);
    const outcome = await client(pd.base).send('enqueue', { routing_key: KEY });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect(outcome).toMatchObject({
      ok: false,
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
    const outcome = await client(pd.base).send('enqueue', { routing_key: KEY });
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'pagerduty_error' } });
  });

  it('treats an unexpected status as a PagerDuty error, not a success', async () => {
    const pd = await fakePagerDuty([json(404, { message: 'no such route' })]);
    const outcome = await client(pd.base).send('enqueue', { routing_key: KEY });
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'pagerduty_error', reply: { http_status: 404 } } });
    expect(pd.hits).toHaveLength(1);
  });
});
