import { idParamsSchema } from './common';
import { deliveryListQuerySchema, deliveryPageSchema, deliverySchema } from './deliveries';
import type { Endpoint } from './endpoints';
import { executeFlowRequestSchema, executionListQuerySchema, executionPageSchema, executionSchema } from './executions';
import { integrationSchema } from './integrations';

/**
 * Executions, deliveries and key verification (issue 11), spread into the endpoint table. Apart so that
 * table stays readable; `/api/flows/executions/:id` cannot be taken by `/api/flows/:id`: Fastify's router
 * matches a static segment before a parameter, whatever the registration order (pinned by a test).
 */
export const deliveryEndpoints = {
  executeFlow: {
    method: 'POST',
    path: '/api/flows/:id/executions',
    summary:
      'Run a flow now, as the platform does when its trigger fires: answers once its deliveries are durably ' +
      'enqueued, before anything is sent. Body optional',
    minRole: 'Manager',
    params: idParamsSchema,
    body: executeFlowRequestSchema,
    success: { status: 202, schema: executionSchema },
    /** 404 unknown flow; 409 a flow without any action. */
    errors: [404, 409],
  },
  listFlowExecutions: {
    method: 'GET',
    path: '/api/flows/:id/executions',
    summary: 'Executions of a flow, newest first, keyset paginated (`before` = the previous `next_cursor`)',
    minRole: 'Member',
    params: idParamsSchema,
    query: executionListQuerySchema,
    success: { status: 200, schema: executionPageSchema },
    errors: [404],
  },
  getExecution: {
    method: 'GET',
    path: '/api/flows/executions/:id',
    summary: 'One execution and the state of each of its actions',
    minRole: 'Member',
    params: idParamsSchema,
    success: { status: 200, schema: executionSchema },
    errors: [404],
  },
  listDeliveries: {
    method: 'GET',
    path: '/api/notifications/deliveries',
    summary: 'Every event sent (or to be sent) to PagerDuty, newest first, keyset paginated; routing keys redacted',
    minRole: 'Manager',
    query: deliveryListQuerySchema,
    success: { status: 200, schema: deliveryPageSchema },
  },
  getDelivery: {
    method: 'GET',
    path: '/api/notifications/deliveries/:id',
    summary: 'One delivery with its attempts',
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 200, schema: deliverySchema },
    errors: [404],
  },
  retryDelivery: {
    method: 'POST',
    path: '/api/notifications/deliveries/:id/retry',
    summary: 'Enqueue a failed trigger again, with the same dedup key (PagerDuty merges it into its incident)',
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 202, schema: deliverySchema },
    /** 409: not a trigger, or not failed. */
    errors: [404, 409],
  },
  acknowledgeDelivery: {
    method: 'POST',
    path: '/api/notifications/deliveries/:id/acknowledge',
    summary:
      "Acknowledge a trigger's incident: a new delivery with the trigger's dedup key and routing key (even after a rotation)",
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 202, schema: deliverySchema },
    /** 409: not a trigger, trigger not delivered, incident already acknowledged or resolved. */
    errors: [404, 409],
  },
  resolveDelivery: {
    method: 'POST',
    path: '/api/notifications/deliveries/:id/resolve',
    summary:
      "Resolve a trigger's incident: a new delivery with the trigger's dedup key and routing key (even after a rotation)",
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 202, schema: deliverySchema },
    /** 409: not a trigger, trigger not delivered, incident already resolved. */
    errors: [404, 409],
  },
  verifyIntegration: {
    method: 'POST',
    path: '/api/integrations/:id/verify',
    summary:
      'Re-validate the stored Routing Key with a PagerDuty change event (no incident); whatever PagerDuty answers, ' +
      'the answer is the integration with its new `health` (failing with the reason, or ok)',
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 200, schema: integrationSchema },
    /** 409: no Routing Key stored. */
    errors: [404, 409],
  },
} as const satisfies Record<string, Endpoint>;

export type DeliveryEndpointName = keyof typeof deliveryEndpoints;
