import type { AttemptResult, PagerDutyFailure } from '../integrations/connector';
import type { Clock } from './clock';
import type { DeliveriesStore, NewDelivery } from './deliveries-store';
import type { DeliveryObserver } from './observer';
import { attemptRecord, failureOf, type DeliveryTransport } from './sender';

export interface PagerDutyAccepted {
  status: string;
  message: string;
  dedup_key?: string;
}

/** The answer a waiting request gets: PagerDuty's acceptance, or the failure to turn into an HTTP error. */
export type SendOutcome = { ok: true; reply: PagerDutyAccepted } | { ok: false; failure: PagerDutyFailure };

/** A person waits for these answers: two more tries at most, shortly apart, as before the outbox existed. */
export const SYNC_MAX_ATTEMPTS = 3;
const worthRetryingNow = (r: AttemptResult) =>
  r.outcome === 'retryable' && r.httpStatus !== null && (r.httpStatus === 429 || r.httpStatus >= 500);

/** The final attempt as the answer of the waiting request (the same answers as before the outbox existed). */
export function toSendOutcome(result: AttemptResult): SendOutcome {
  if (result.outcome === 'delivered') {
    const { status = '', message = '', dedup_key } = result.reply ?? {};
    return { ok: true, reply: { status, message, ...(dedup_key === undefined ? {} : { dedup_key }) } };
  }
  const failure: PagerDutyFailure = {
    ...(result.failure ?? { code: 'pagerduty_error', detail: failureOf(result).detail }),
  };
  if (result.httpStatus !== null && result.httpStatus >= 500) {
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
      const result = await transport(delivery.endpoint, event);
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
