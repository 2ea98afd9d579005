import type { Config } from '../config';
import type { DeliveryModule } from '../delivery/delivery-module';
import type { ConnectorRegistry } from '../integrations/registry';
import type { FlowsStore } from '../store/flows-store';
import type { IntegrationsStore } from '../store/integrations-store';
import type { RateLimiter } from '../http/rate-limiter';
import type { UnsavedTests } from './unsaved-tests';

/** What the handlers need, built once by buildApp. */
export interface Services {
  config: Config;
  integrations: IntegrationsStore;
  flows: FlowsStore;
  /** One connector per integration type; the handlers look types up here and never name one. */
  connectors: ConnectorRegistry;
  testLimiter: RateLimiter;
  /** Tests of actions not saved yet, for the save that follows to record. */
  unsavedTests: UnsavedTests;
  /** Executions, the delivery outbox and health (server/delivery); every event sent is recorded here. */
  delivery: DeliveryModule;
}
