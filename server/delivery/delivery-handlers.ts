import { notFound } from '../http/http-error';
import type { Handlers } from '../http/register-endpoints';
import type { Services } from '../handlers/services';

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
>;

export function deliveryHandlers({ delivery, flows }: Pick<Services, 'delivery' | 'flows'>): DeliveryHandlers {
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
  };
}
