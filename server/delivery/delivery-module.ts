import type { Config } from '../config';
import type { SecretBox } from '../crypto/secret-box';
import { pagerDutyIntegrationSpec } from '../integrations/pagerduty/integration-spec';
import type { ConnectorRegistry } from '../integrations/registry';
import type { Db } from '../store/database';
import { createGroupCommit } from '../store/group-commit';
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
import { createSender, type DeliveryTransport } from './sender';

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
  /** Deliveries are PagerDuty events; its connector's `send` (one attempt) is the transport. */
  connectors: ConnectorRegistry;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

function connectorTransport(connectors: ConnectorRegistry): DeliveryTransport {
  const send = connectors.connectorFor(pagerDutyIntegrationSpec.type)?.send;
  if (!send) throw new Error('The PagerDuty connector cannot send events');
  return send;
}

/** Executions, the outbox and its sender, wired once by buildApp. */
export function createDelivery(deps: DeliveryDeps, options: DeliveryOptions = {}) {
  const { db, config } = deps;
  const clock = options.clock ?? systemClock;
  const health = createHealthStore(db);
  const deliveries = createDeliveriesStore(db, deps.box, health);
  deliveries.probe.now = clock.now;
  const executions = createExecutionsStore(db);
  const transport = options.transport ?? connectorTransport(deps.connectors);
  // Late-bound, so the metrics plugin can plug in after the module exists.
  let observer = options.observer ?? noopObserver;
  const observing: DeliveryObserver = { attempt: (e) => observer.attempt(e), settled: (e) => observer.settled(e) };

  // Executions and settled sends of one turn of the event loop share a commit.
  const commits = createGroupCommit(db);
  const sender = createSender({
    store: deliveries,
    commits,
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
    /** Resolves once the execution and its deliveries are committed: a 202 means they survive a crash. */
    async execute(flowId: number, body: Parameters<typeof executeFlow>[2]) {
      const execution = await commits.run(() =>
        executeFlow(
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
        ),
      );
      // Skipped actions never reach the sender; they are settled here.
      for (const action of execution.actions) {
        if (action.status === 'skipped') observing.settled({ kind: 'trigger', status: 'skipped' });
      }
      // The executions of one commit each wake the sender; the wakes are coalesced into one pump.
      sender.wake();
      return execution;
    },
    retry: (id: number) => retryDelivery(followUpDeps, id),
    followUp: (id: number, action: 'acknowledge' | 'resolve') => followUp(followUpDeps, id, action),
    adopt: (deliveryId: number, integrationId: number) => deliveries.adopt(deliveryId, integrationId, clock.now()),
  };
}

export type DeliveryModule = ReturnType<typeof createDelivery>;
