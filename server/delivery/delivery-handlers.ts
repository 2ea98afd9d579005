import { HttpError, notFound } from '../http/http-error';
import type { Handlers } from '../http/register-endpoints';
import { pagerDutyIntegrationSpec } from '../specs/integration-specs';
import type { FlowsStore } from '../store/flows-store';
import type { IntegrationsStore } from '../store/integrations-store';
import type { DeliveryModule } from './delivery-module';
import { integrationHealth } from './health-view';

type DeliveryHandlers = Pick<
  Handlers,
  | 'executeFlow'
  | 'listFlowExecutions'
  | 'getExecution'
  | 'listDeliveries'
  | 'getDelivery'
  | 'retryDelivery'
  | 'acknowledgeDelivery'
  | 'resolveDelivery'
  | 'verifyIntegration'
>;

export function deliveryHandlers(services: {
  delivery: DeliveryModule;
  flows: FlowsStore;
  integrations: IntegrationsStore;
}): DeliveryHandlers {
  const { delivery, flows, integrations } = services;
  return {
    executeFlow: ({ params, body }) => delivery.execute(params.id, body),
    listFlowExecutions({ params, query }) {
      if (!flows.get(params.id)) throw notFound(`Flow ${params.id} not found`);
      return delivery.executions.listForFlow(params.id, query);
    },
    getExecution({ params }) {
      const execution = delivery.executions.get(params.id);
      if (!execution) throw notFound(`Execution ${params.id} not found`);
      return execution;
    },
    listDeliveries: ({ query }) => delivery.deliveries.list(query),
    getDelivery({ params }) {
      const found = delivery.deliveries.get(params.id);
      if (!found) throw notFound(`Delivery ${params.id} not found`);
      return found;
    },
    retryDelivery: ({ params }) => delivery.retry(params.id),
    acknowledgeDelivery: ({ params }) => delivery.followUp(params.id, 'acknowledge'),
    resolveDelivery: ({ params }) => delivery.followUp(params.id, 'resolve'),
    async verifyIntegration({ params }) {
      const integration = integrations.get(params.id);
      if (!integration) throw notFound(`Integration ${params.id} not found`);
      const key =
        integration.type === pagerDutyIntegrationSpec.type
          ? integrations.secret(integration.id, 'api_access_token')
          : null;
      if (!key)
        throw new HttpError(409, {
          detail: 'This integration has no stored Routing Key to verify.',
          code: 'not_connected',
        });
      // Whatever PagerDuty answers is the result: it lands in health, which the answer carries.
      await delivery.validateKey(key, 'Qualytics: PagerDuty Routing Key verified', integration.id);
      return integrationHealth(delivery.health)(integration);
    },
  };
}
