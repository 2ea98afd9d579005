import type { FastifyInstance } from 'fastify';
import { isRecord, parseJsonOrUndefined } from '../json-utils';
import type { SimulatorState } from './simulator-state';
import {
  FAULT_KINDS,
  faultKindSchema,
  outageRequestSchema,
  type RecordedEvent,
  type SimAlert,
} from './simulator-types';

const controlBody = (raw: unknown): Record<string, unknown> => {
  const value = typeof raw === 'string' ? parseJsonOrUndefined(raw) : undefined;
  return isRecord(value) ? value : {};
};

const OUTAGE_HELP =
  'Send {"mode": "error" | "hang" | "drop", "requests"?: a positive whole number, "seconds"?: a positive number} ' +
  '(at most one of requests and seconds; neither = until DELETE /_control/outage)';

/** The JSON control surface tests drive the simulator with (under `/_control` of the plugin's prefix). */
export function registerControlRoutes(app: FastifyInstance, state: SimulatorState) {
  app.get('/_control/events', async (): Promise<RecordedEvent[]> => state.events);
  app.delete('/_control/events', async (_request, reply) => {
    state.events = [];
    return reply.code(204).send();
  });
  app.get('/_control/alerts', async (): Promise<SimAlert[]> => state.alerts.list());
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
    const parsed = faultKindSchema.safeParse(kind);
    if (!parsed.success || !Number.isInteger(count) || (count as number) < 1) {
      return reply
        .code(422)
        .send({ detail: `Send {"kind": one of ${FAULT_KINDS.join(', ')}, "count": a positive whole number}` });
    }
    state.faults.push({ kind: parsed.data, remaining: count as number });
    return { faults: state.faults.map((f) => ({ kind: f.kind, count: f.remaining })) };
  });
  app.get('/_control/outage', async () => state.outage.status());
  app.post('/_control/outage', async (request, reply) => {
    const parsed = outageRequestSchema.safeParse(controlBody(request.body));
    if (!parsed.success || (parsed.data.requests !== undefined && parsed.data.seconds !== undefined)) {
      return reply.code(422).send({ detail: OUTAGE_HELP });
    }
    state.outage.start(parsed.data);
    return state.outage.status();
  });
  app.delete('/_control/outage', async (_request, reply) => {
    state.outage.end();
    return reply.code(204).send();
  });
  app.post('/_control/reset', async (_request, reply) => {
    state.reset();
    return reply.code(204).send();
  });
}
