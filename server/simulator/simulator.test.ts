import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RATE_LIMIT_PER_MINUTE } from './simulator-state';
import { pagerDutySimulator } from './simulator-plugin';

let app: FastifyInstance;
let base: string;
const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

const post = async (path: string, body: unknown, raw = false) => {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- PagerDuty's reply
  return { status: response.status, json: json as any, text };
};

const trigger = (extra: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) => ({
  routing_key: KEY,
  event_action: 'trigger',
  payload: { summary: 'Disk full', source: 'db-1', severity: 'error', ...payload },
  ...extra,
});

beforeAll(async () => {
  app = Fastify();
  await app.register(pagerDutySimulator, { prefix: '/pagerduty-sim', holdMs: 300 });
  base = (await app.listen({ port: 0, host: '127.0.0.1' })) + '/pagerduty-sim';
});
afterAll(() => app.close());
beforeEach(() => post('/_control/reset', {}));

describe('PagerDuty simulator', () => {
  it('accepts a trigger and a change event like PagerDuty, and records them', async () => {
    const accepted = await post('/v2/enqueue', trigger({ dedup_key: 'disk/db-1' }));
    expect(accepted).toMatchObject({
      status: 202,
      json: { status: 'success', message: 'Event processed', dedup_key: 'disk/db-1' },
    });
    const generated = await post('/v2/enqueue', trigger());
    expect(generated.json.dedup_key).toMatch(/^[0-9a-f]{32}$/);
    const change = await post('/v2/change/enqueue', { routing_key: KEY, payload: { summary: 'Deploy' } });
    expect(change).toMatchObject({ status: 202, json: { status: 'success', message: 'Change event processed' } });
    const events = await (await fetch(`${base}/_control/events`)).json();
    expect(events.map((e: { endpoint: string; status: number }) => [e.endpoint, e.status])).toEqual([
      ['enqueue', 202],
      ['enqueue', 202],
      ['change', 202],
    ]);
    expect(events[0].body.dedup_key).toBe('disk/db-1');
    await fetch(`${base}/_control/events`, { method: 'DELETE' });
    expect(await (await fetch(`${base}/_control/events`)).json()).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"routing_key":', 'JSON parse error'],
    ['a short key', trigger({ routing_key: 'abc' }), "Length of 'routing_key' is incorrect (should be 32 characters)"],
    [
      'a non-alphanumeric key',
      trigger({ routing_key: 'abcdefghijklmnopqrstuvwxyz-12345' }),
      "'routing_key' cannot contain non-alphanumeric characters.",
    ],
    ['a missing key', { event_action: 'trigger', payload: {} }, "'routing_key' is missing or blank"],
    [
      'a bad action',
      trigger({ event_action: 'explode' }),
      "'event_action' is invalid (must be one of trigger, acknowledge, resolve)",
    ],
    [
      'a bad severity',
      trigger({}, { severity: 'fatal' }),
      "'payload.severity' is invalid (must be one of critical, error, warning, info)",
    ],
    ['a missing summary', trigger({}, { summary: '' }), "'payload.summary' is missing or blank"],
    ['a missing source', trigger({}, { source: undefined }), "'payload.source' is missing or blank"],
    ['a long summary', trigger({}, { summary: 'x'.repeat(1025) }), "'payload.summary' must be at most 1024 characters"],
    ['a long dedup key', trigger({ dedup_key: 'd'.repeat(256) }), "'dedup_key' must be at most 255 characters"],
    [
      'a resolve without dedup key',
      trigger({ event_action: 'resolve' }),
      "'dedup_key' is required for acknowledge and resolve events",
    ],
    ['a link without href', trigger({ links: [{ text: 'x' }] }), "'links[].href' is missing or blank"],
    [
      'an event over 512 KB',
      trigger({}, { custom_details: { blob: 'z'.repeat(530_000) } }),
      'Event object is too large (the limit is 512 KB)',
    ],
  ])('answers %s with 400 invalid event', async (_, body, error) => {
    const response = await post('/v2/enqueue', body, typeof body === 'string');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ status: 'invalid event', message: 'Event object is invalid', errors: [error] });
  });

  it('refuses ruleset keys on change events and revoked keys anywhere', async () => {
    const ruleset = await post('/v2/change/enqueue', { routing_key: 'R' + KEY.slice(1), payload: { summary: 's' } });
    expect(ruleset.status).toBe(400);
    await post('/_control/revoke', { routing_key: KEY });
    const revoked = await post('/v2/change/enqueue', { routing_key: KEY, payload: { summary: 's' } });
    expect(revoked.json.errors).toEqual(['Invalid routing key']);
    await post('/_control/reset', {});
    expect((await post('/v2/enqueue', trigger())).status).toBe(202);
  });

  it(`throttles a key after ${RATE_LIMIT_PER_MINUTE} events a minute`, async () => {
    for (let i = 0; i < RATE_LIMIT_PER_MINUTE; i++) expect((await post('/v2/enqueue', trigger())).status).toBe(202);
    const throttled = await post('/v2/enqueue', trigger());
    expect(throttled).toMatchObject({
      status: 429,
      json: {
        status: 'throttle event',
        message: 'Requests for this service are arriving too quickly. Please retry later.',
      },
    });
    expect((await post('/v2/enqueue', trigger({ routing_key: 'Z' + KEY.slice(1) }))).status).toBe(202);
  });

  it('injects the next N faults in order', async () => {
    await post('/_control/faults', { kind: 'server_error', count: 2 });
    await post('/_control/faults', { kind: 'malformed', count: 1 });
    expect((await post('/v2/enqueue', trigger())).status).toBe(500);
    expect((await post('/v2/enqueue', trigger())).status).toBe(500);
    const malformed = await post('/v2/enqueue', trigger());
    expect(malformed.status).toBe(202);
    expect(malformed.json).toBeNull();
    expect((await post('/v2/enqueue', trigger())).status).toBe(202);
  });

  it('holds the answer on a timeout fault', async () => {
    await post('/_control/faults', { kind: 'timeout', count: 1 });
    const started = Date.now();
    expect((await post('/v2/enqueue', trigger())).status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('explains a bad control request', async () => {
    expect((await post('/_control/faults', { kind: 'meteor' })).status).toBe(422);
    expect((await post('/_control/revoke', {})).status).toBe(422);
  });
});
