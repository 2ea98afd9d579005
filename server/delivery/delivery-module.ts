import type { Config } from '../config';
import type { SecretBox } from '../crypto/secret-box';
import { buildValidationChangeEvent } from '../pagerduty/events';
import type { Db } from '../store/database';
import type { FlowsStore } from '../store/flows-store';
import type { IntegrationsStore } from '../store/integrations-store';
import { systemClock, type Clock, type RandomSource } from './clock';
import { createDeliveriesStore } from './deliveries-store';
import { executeFlow } from './execute-flow';
import { createExecutionsStore } from './executions-store';
import { followUp, retryDelivery } from './follow-ups';
import { createHealthStore } from './health-store';
import { noopObserver, type DeliveryObserver, type OutboxProbe } from './observer';
import { createPacer } from './pacer';
import { createSendNow } from './send-now';
import { createSender } from './sender';
import { pagerDutyTransport, type DeliveryTransport } from './transport';

/** What tests (and the metrics plugin) may replace. */
export interface DeliveryOptions {
  clock?: Clock;
  random?: RandomSource;
  transport?: DeliveryTransport;
  observer?: DeliveryObserver;
}

export interface DeliveryDeps {
  db: Db;
  box: SecretBox;
  config: Config;
  flows: FlowsStore;
  integrations: IntegrationsStore;
  /** Resolved per call: the mounted simulator's port is only known once the server listens. */
  baseUrl: () => string;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** Executions, the outbox and its sender, wired once by buildApp. */
export function createDelivery(deps: DeliveryDeps, options: DeliveryOptions = {}) {
  const { db, config } = deps;
  const clock = options.clock ?? systemClock;
  const health = createHealthStore(db);
  const deliveries = createDeliveriesStore(db, deps.box, health);
  deliveries.probe.now = clock.now;
  const executions = createExecutionsStore(db);
  const transport =
    options.transport ??
    pagerDutyTransport({ baseUrl: deps.baseUrl, timeoutMs: config.pagerDutyTimeoutMs, now: clock.now });
  // Late-bound, so the metrics plugin can plug in after the module exists.
  let observer = options.observer ?? noopObserver;
  const observing: DeliveryObserver = { attempt: (e) => observer.attempt(e), settled: (e) => observer.settled(e) };

  const sender = createSender({
    store: deliveries,
    transport,
    observer: observing,
    clock,
    random: options.random ?? Math.random,
    pacer: createPacer(config.deliveryPacePerMinute),
    policy: {
      baseMs: config.deliveryRetryBaseMs,
      maxMs: config.deliveryRetryMaxMs,
      giveUpAfterMs: config.deliveryGiveUpAfterMs,
    },
    concurrency: config.deliveryConcurrency,
    shutdownWaitMs: config.deliveryShutdownWaitMs,
    log: deps.log,
  });
  const sendNow = createSendNow({
    store: deliveries,
    transport,
    observer: observing,
    clock,
    retryDelayMs: config.pagerDutyRetryDelayMs,
  });
  const followUpDeps = { deliveries, integrations: deps.integrations, clock, wake: sender.wake };

  return {
    deliveries,
    executions,
    health,
    sender,
    sendNow,
    probe: deliveries.probe as OutboxProbe,
    setObserver(next: DeliveryObserver) {
      observer = next;
    },
    execute(flowId: number, body: Parameters<typeof executeFlow>[2]) {
      const execution = executeFlow(
        {
          db,
          flows: deps.flows,
          integrations: deps.integrations,
          deliveries,
          executions,
          clock,
          publicUrl: config.publicUrl,
          log: deps.log,
        },
        flowId,
        body,
      );
      // Skipped actions never reach the sender; they are settled here.
      for (const action of execution.actions) {
        if (action.status === 'skipped') observing.settled({ kind: 'trigger', status: 'skipped' });
      }
      sender.wake();
      return execution;
    },
    retry: (id: number) => retryDelivery(followUpDeps, id),
    followUp: (id: number, action: 'acknowledge' | 'resolve') => followUp(followUpDeps, id, action),
    /**
     * Proves a key with a change event (no incident). `integrationId` only when the key is the stored one
     * (verify): a candidate key counts for health once it is stored (`adopt`).
     */
    validateKey(routingKey: string, summary: string, integrationId: number | null) {
      return sendNow(
        {
          kind: 'validation',
          endpoint: 'change',
          integrationId,
          healthIntegrationId: integrationId,
          keySource: 'integration',
          dedupKey: null,
        },
        buildValidationChangeEvent(routingKey, config.publicUrl, summary),
      );
    },
    adopt: (deliveryId: number, integrationId: number) => deliveries.adopt(deliveryId, integrationId, clock.now()),
  };
}

export type DeliveryModule = ReturnType<typeof createDelivery>;
