import type { Config } from '../config';
import type { DeliveryModule } from '../delivery/delivery-module';
import type { EventsClient } from '../pagerduty/events-client';
import type { FlowsStore } from '../store/flows-store';
import type { IntegrationsStore } from '../store/integrations-store';
import type { RateLimiter } from '../http/rate-limiter';

/** What the handlers need, built once by buildApp. */
export interface Services {
  config: Config;
  integrations: IntegrationsStore;
  flows: FlowsStore;
  pagerDuty: EventsClient;
  testLimiter: RateLimiter;
  /** Executions, the delivery outbox and health (server/delivery). */
  delivery: DeliveryModule;
}
