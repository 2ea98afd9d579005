import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BadReplyError, postJson } from './post-json';

type Handler = (n: number, reply: (status: number, text: string) => void, socket: Socket) => void;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

/** A local endpoint that counts the connections it is sent on and the requests it gets. */
async function endpoint(handler: Handler) {
  const seen = { connections: 0, requests: 0 };
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(++seen.requests, (status, text) => res.writeHead(status).end(text), req.socket));
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/enqueue`, seen };
}

describe('postJson', () => {
  it('sends one event after another on the same connection', async () => {
    const { url, seen } = await endpoint((_, reply) => reply(202, '{"status":"success"}'));
    for (let i = 0; i < 3; i++) expect((await postJson(url, '{}', 2000)).status).toBe(202);
    expect(seen).toEqual({ connections: 1, requests: 3 });
  });

  it('never reuses the connection of a call that timed out', async () => {
    const { url, seen } = await endpoint((n, reply) => (n === 2 ? undefined : reply(202, '{}')));
    await postJson(url, '{}', 2000);
    await expect(postJson(url, '{}', 100)).rejects.toThrow();
    expect((await postJson(url, '{}', 2000)).status).toBe(202);
    expect(seen).toEqual({ connections: 2, requests: 3 });
  });

  it('never reuses the connection of a reply larger than PagerDuty sends', async () => {
    const { url, seen } = await endpoint((n, reply) => reply(202, n === 1 ? 'x'.repeat(300 * 1024) : '{}'));
    await expect(postJson(url, '{}', 2000)).rejects.toBeInstanceOf(BadReplyError);
    expect((await postJson(url, '{}', 2000)).status).toBe(202);
    expect(seen.connections).toBe(2);
  });

  it('sends again on a new connection when an idle one was closed by the other side', async () => {
    const { url, seen } = await endpoint((n, reply, socket) => (n === 2 ? socket.destroy() : reply(202, '{}')));
    await postJson(url, '{}', 2000);
    expect((await postJson(url, '{}', 2000)).status).toBe(202);
    expect(seen).toEqual({ connections: 2, requests: 3 });
  });
});
