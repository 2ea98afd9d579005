import Fastify from 'fastify';
import type { Clock } from '../delivery/clock';
import { pagerDutySimulator } from './simulator-plugin';

export interface SimReply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the simulator answered
  json: any;
}

/** The simulator alone on a free loopback port, for the simulator's own tests. */
export async function startSimulator(options: { clock?: Clock; holdMs?: number } = {}) {
  const app = Fastify();
  await app.register(pagerDutySimulator, {
    prefix: '/pagerduty-sim',
    holdMs: options.holdMs ?? 300,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })) + '/pagerduty-sim';
  const call = async (method: string, path: string, body?: unknown): Promise<SimReply> => {
    const response = await fetch(base + path, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    base,
    call,
    post: (path: string, body: unknown) => call('POST', path, body),
    get: (path: string) => call('GET', path),
    close: () => app.close(),
  };
}
