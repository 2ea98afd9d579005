import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isRecord, parseJsonOrUndefined } from '../json-utils';
import { registerControlRoutes } from './control-routes';
import type { Clock } from '../delivery/clock';
import { SimulatorState } from './simulator-state';
import type { SimEndpoint } from './simulator-types';
import { eventErrors } from './validate-event';

export interface SimulatorOptions {
  /** How long a `timeout` fault holds its answer; longer than the API server's PagerDuty timeout. */
  holdMs: number;
  /** The simulator's time (rate window, timestamps, holds, timed outages); the system clock by default. */
  clock?: Clock;
  /** Shared state, e.g. to inspect it from a test; its own clock wins over `clock`. */
  state?: SimulatorState;
}

const invalid = (errors: string[]) => ({ status: 'invalid event', message: 'Event object is invalid', errors });
const THROTTLED = {
  status: 'throttle event',
  message: 'Requests for this service are arriving too quickly. Please retry later.',
};
const SERVER_ERROR = { status: 'error', message: 'Internal Server Error' };

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
  const state = options.state ?? new SimulatorState(options.clock);
  const { clock, outage } = state;
  const held = new Set<() => void>();

  // Raw text, so malformed JSON gets PagerDuty's 400 rather than this server's error format.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addHook('preClose', async () => {
    for (const release of [...held]) release();
    outage.end();
  });

  const hold = () =>
    new Promise<void>((resolve) => {
      const release = () => {
        cancel();
        held.delete(release);
        resolve();
      };
      const cancel = clock.setTimer(release, options.holdMs);
      held.add(release);
    });

  async function receive(endpoint: SimEndpoint, request: FastifyRequest, reply: FastifyReply) {
    const text = typeof request.body === 'string' ? request.body : '';
    const parsed = parseJson(text);
    const body = parsed.ok ? parsed.value : text;

    const down = outage.take();
    if (down === 'error') {
      state.record(endpoint, 500, body);
      return reply.code(500).send(SERVER_ERROR);
    }
    if (down === 'drop') {
      state.record(endpoint, 0, body);
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (down === 'hang') await outage.hold();

    const fault = state.takeFault();
    if (fault === 'rate_limit') {
      state.record(endpoint, 429, body);
      return reply.code(429).send(THROTTLED);
    }
    if (fault === 'server_error') {
      state.record(endpoint, 500, body);
      return reply.code(500).send(SERVER_ERROR);
    }
    if (fault === 'malformed') {
      state.record(endpoint, 202, body);
      return reply.code(202).type('text/html').send('<html><body>Accepted</body></html>');
    }
    if (fault === 'timeout') await hold();

    const errors = parsed.ok ? eventErrors(endpoint, parsed.value, Buffer.byteLength(text)) : ['JSON parse error'];
    const event = isRecord(body) ? body : {};
    const key = event.routing_key as string | undefined;
    if (!errors.length && key && state.revoked.has(key)) errors.push('Invalid routing key');
    if (errors.length) {
      state.record(endpoint, 400, body);
      return reply.code(400).send(invalid(errors));
    }
    if (state.overRateLimit(key!)) {
      state.record(endpoint, 429, body);
      return reply.code(429).send(THROTTLED);
    }
    if (endpoint === 'change') {
      state.record(endpoint, 202, body);
      return reply.code(202).send({ status: 'success', message: 'Change event processed' });
    }
    const dedupKey = (event.dedup_key as string | undefined) ?? randomBytes(16).toString('hex');
    // PagerDuty answers a dropped acknowledge or resolve exactly like an applied one.
    state.record(endpoint, 202, body, state.alerts.apply(event, dedupKey));
    return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
  }

  app.post('/v2/enqueue', (request, reply) => receive('enqueue', request, reply));
  app.post('/v2/change/enqueue', (request, reply) => receive('change', request, reply));
  registerControlRoutes(app, state);
}
