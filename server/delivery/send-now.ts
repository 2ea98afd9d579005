import type { PagerDutyReply } from '../../src/api/contract';
import type { SendOutcome } from '../pagerduty/events-client';
import type { Clock } from './clock';
import type { DeliveriesStore, NewDelivery } from './deliveries-store';
import type { DeliveryObserver } from './observer';
import { attemptRecord, failureOf } from './sender';
import type { AttemptResult, DeliveryTransport } from './transport';

/** A person waits for these answers: two more tries at most, shortly apart, as before the outbox existed. */
export const SYNC_MAX_ATTEMPTS = 3;
/** PagerDuty sends no Retry-After; its limits are per minute, so half a minute is an honest hint. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

const worthRetryingNow = (r: AttemptResult) =>
  r.outcome === 'retryable' && r.httpStatus !== null && (r.httpStatus === 429 || r.httpStatus >= 500);

/** The final attempt as the answer of the waiting request (the same answers as the events client gave). */
export function toSendOutcome(result: AttemptResult): SendOutcome {
  if (result.outcome === 'delivered') {
    const { status = '', message = '', dedup_key } = result.reply ?? {};
    return { ok: true, reply: { status, message, ...(dedup_key === undefined ? {} : { dedup_key }) } };
  }
  const { code, detail } = failureOf(result);
  const { status, message, errors } = result.reply ?? {};
  const reply: PagerDutyReply | undefined =
    result.httpStatus === null
      ? undefined
      : {
          http_status: result.httpStatus,
          ...(status === undefined ? {} : { status }),
          ...(message === undefined ? {} : { message }),
          ...(errors ? { errors } : {}),
        };
  const failure = { code, detail, ...(reply ? { reply } : {}) } as Extract<SendOutcome, { ok: false }>['failure'];
  if (code === 'rate_limited') {
    const seconds = result.retryAfterMs
      ? Math.max(1, Math.ceil(result.retryAfterMs / 1000))
      : DEFAULT_RETRY_AFTER_SECONDS;
    failure.retryAfterSeconds = seconds;
    failure.detail = `${detail} Try again in ${seconds} seconds.`;
  } else if (result.httpStatus !== null && result.httpStatus >= 500) {
    failure.detail = `PagerDuty is having trouble (HTTP ${result.httpStatus}, still failing after ${SYNC_MAX_ATTEMPTS} tries). Try again in a few minutes.`;
  }
  return { ok: false, failure };
}

/**
 * Sends a delivery while its request waits (key validation, test notification, verify), recording the row and
 * every attempt like the sender does, so these events show in the delivery log and count for health.
 */
export function createSendNow(deps: {
  store: DeliveriesStore;
  transport: DeliveryTransport;
  observer: DeliveryObserver;
  clock: Clock;
  retryDelayMs: number;
}) {
  const { store, transport, observer, clock } = deps;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return async function sendNow(
    delivery: Omit<NewDelivery, 'sync' | 'routingKey' | 'event'>,
    event: { routing_key: string } & Record<string, unknown>,
  ): Promise<{ deliveryId: number; outcome: SendOutcome }> {
    const deliveryId = store.insert({ ...delivery, event, sync: true, routingKey: event.routing_key }, clock.now());
    for (let attempt = 1; ; attempt++) {
      const result = await transport.attempt(delivery.endpoint, event);
      observer.attempt({ kind: delivery.kind, outcome: result.outcome, durationMs: result.durationMs });
      const now = clock.now();
      const record = attemptRecord(result, new Date(now).toISOString());
      const again = worthRetryingNow(result) && attempt < SYNC_MAX_ATTEMPTS;
      if (again) {
        store.settle(deliveryId, record, { status: 'retrying', nextAttemptMs: null, failure: failureOf(result) }, now);
        await pause(deps.retryDelayMs * attempt);
        continue;
      }
      const status = result.outcome === 'delivered' ? 'delivered' : 'failed';
      store.settle(
        deliveryId,
        record,
        status === 'delivered' ? { status } : { status, failure: failureOf(result) },
        now,
      );
      observer.settled({ kind: delivery.kind, status });
      return { deliveryId, outcome: toSendOutcome(result) };
    }
  };
}

export type SendNow = ReturnType<typeof createSendNow>;
