import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isRecord, parseJsonOrUndefined } from '../json-utils';
import { type FaultKind, SimulatorState } from './simulator-state';
import { eventErrors, type SimEndpoint } from './validate-event';

export interface SimulatorOptions {
  /** How long a `timeout` fault holds its answer; longer than the API server's PagerDuty timeout. */
  holdMs: number;
  state?: SimulatorState;
}

const FAULT_KINDS: readonly FaultKind[] = ['rate_limit', 'server_error', 'timeout', 'malformed'];

const invalid = (errors: string[]) => ({ status: 'invalid event', message: 'Event object is invalid', errors });
const THROTTLED = {
  status: 'throttle event',
  message: 'Requests for this service are arriving too quickly. Please retry later.',
};

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  const value = parseJsonOrUndefined(raw);
  // JSON text cannot encode undefined, so undefined means it did not parse.
  return value === undefined ? { ok: false } : { ok: true, value };
}

/**
 * A local PagerDuty Events API v2 (`/v2/enqueue`, `/v2/change/enqueue`) that answers like the
 * real one, plus a JSON control surface under `/_control` for tests. Register it with a prefix.
 */
export async function pagerDutySimulator(app: FastifyInstance, options: SimulatorOptions) {
  const state = options.state ?? new SimulatorState();
  const held = new Set<() => void>();

  // Raw text, so malformed JSON gets PagerDuty's 400 rather than this server's error format.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addHook('preClose', async () => {
    for (const release of held) release();
  });

  const hold = () =>
    new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        held.delete(release);
        resolve();
      };
      const timer = setTimeout(release, options.holdMs);
      held.add(release);
    });

  async function receive(endpoint: SimEndpoint, raw: unknown, reply: FastifyReply) {
    const text = typeof raw === 'string' ? raw : '';
    const parsed = parseJson(text);
    const body = parsed.ok ? parsed.value : text;
    const fault = state.takeFault();
    if (fault === 'rate_limit') {
      state.record(endpoint, 429, body);
      return reply.code(429).send(THROTTLED);
    }
    if (fault === 'server_error') {
      state.record(endpoint, 500, body);
      return reply.code(500).send({ status: 'error', message: 'Internal Server Error' });
    }
    if (fault === 'malformed') {
      state.record(endpoint, 202, body);
      return reply.code(202).type('text/html').send('<html><body>Accepted</body></html>');
    }
    if (fault === 'timeout') await hold();

    const errors = parsed.ok ? eventErrors(endpoint, parsed.value, Buffer.byteLength(text)) : ['JSON parse error'];
    const key = (
      parsed.ok && typeof parsed.value === 'object' && parsed.value !== null
        ? (parsed.value as Record<string, unknown>).routing_key
        : undefined
    ) as string | undefined;
    if (!errors.length && key && state.revoked.has(key)) errors.push('Invalid routing key');
    if (errors.length) {
      state.record(endpoint, 400, body);
      return reply.code(400).send(invalid(errors));
    }
    if (state.overRateLimit(key!)) {
      state.record(endpoint, 429, body);
      return reply.code(429).send(THROTTLED);
    }
    state.record(endpoint, 202, body);
    if (endpoint === 'change') return reply.code(202).send({ status: 'success', message: 'Change event processed' });
    const event = body as { dedup_key?: string };
    const dedupKey = event.dedup_key ?? randomBytes(16).toString('hex');
    return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
  }

  app.post('/v2/enqueue', (request, reply) => receive('enqueue', request.body, reply));
  app.post('/v2/change/enqueue', (request, reply) => receive('change', request.body, reply));

  const controlBody = (raw: unknown): Record<string, unknown> => {
    const value = typeof raw === 'string' ? parseJsonOrUndefined(raw) : undefined;
    return isRecord(value) ? value : {};
  };

  app.get('/_control/events', async () => state.events);
  app.delete('/_control/events', async (_request, reply) => {
    state.events = [];
    return reply.code(204).send();
  });
  app.post('/_control/revoke', async (request, reply) => {
    const { routing_key } = controlBody(request.body);
    if (typeof routing_key !== 'string' || !routing_key) {
      return reply.code(422).send({ detail: 'Send {"routing_key": "<key to revoke>"}' });
    }
    state.revoked.add(routing_key);
    return { revoked: true };
  });
  app.post('/_control/faults', async (request, reply) => {
    const { kind, count = 1 } = controlBody(request.body);
    if (!FAULT_KINDS.includes(kind as FaultKind) || !Number.isInteger(count) || (count as number) < 1) {
      return reply
        .code(422)
        .send({ detail: `Send {"kind": one of ${FAULT_KINDS.join(', ')}, "count": a positive whole number}` });
    }
    state.faults.push({ kind: kind as FaultKind, remaining: count as number });
    return { faults: state.faults.map((f) => ({ kind: f.kind, count: f.remaining })) };
  });
  app.post('/_control/reset', async (_request, reply) => {
    state.reset();
    return reply.code(204).send();
  });
}
