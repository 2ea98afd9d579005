import type { Delivery } from '../../src/api/contract';
import { HttpError, notFound } from '../http/http-error';
import { pagerDutyIntegrationSpec } from '../specs/integration-specs';
import type { IntegrationsStore } from '../store/integrations-store';
import type { Clock } from './clock';
import type { DeliveriesStore } from './deliveries-store';

const conflict = (detail: string) => new HttpError(409, { detail });

export interface FollowUpDeps {
  deliveries: DeliveriesStore;
  integrations: IntegrationsStore;
  clock: Clock;
  wake: () => void;
}

const existing = (deps: FollowUpDeps, id: number) => {
  const row = deps.deliveries.row(id);
  if (!row) throw notFound(`Delivery ${id} not found`);
  return row;
};

/** A failed trigger goes back to the queue as it was: the same event, the same dedup key, the same routing key. */
export function retryDelivery(deps: FollowUpDeps, id: number): Delivery {
  const row = existing(deps, id);
  if (row.kind !== 'trigger') {
    throw conflict(`Delivery ${id} is a ${row.kind} event; only the trigger of a flow execution can be retried.`);
  }
  if (row.status !== 'failed') throw conflict(`Delivery ${id} is ${row.status}; only a failed trigger can be retried.`);
  deps.deliveries.requeue(id, deps.clock.now());
  deps.wake();
  return deps.deliveries.get(id)!;
}

/**
 * Acknowledges or resolves a trigger's incident: a new delivery with the trigger's dedup key and the routing key
 * it was sent with (PagerDuty matches both), even if the integration's key was rotated since.
 */
export function followUp(deps: FollowUpDeps, id: number, action: 'acknowledge' | 'resolve'): Delivery {
  const trigger = existing(deps, id);
  if (trigger.kind !== 'trigger' && trigger.kind !== 'test') {
    throw conflict(`Delivery ${id} is a ${trigger.kind} event, not a trigger: it opened no incident to ${action}.`);
  }
  if (trigger.status !== 'delivered') {
    throw conflict(
      `The trigger has not reached PagerDuty (it is ${trigger.status}), so there is no incident to ${action}.`,
    );
  }
  if (trigger.incident_state === 'resolved') throw conflict('This incident is already resolved.');
  if (action === 'acknowledge' && trigger.incident_state === 'acknowledged') {
    throw conflict('This incident is already acknowledged.');
  }
  const underway = deps.deliveries.openFollowUps(id).find((f) => f.kind === 'resolve' || f.kind === action);
  if (underway) throw conflict(`A ${underway.kind} of this incident is already on its way to PagerDuty.`);

  const key = deps.deliveries.routingKey(trigger)!;
  // Counts for the integration's health only while it still holds this key.
  const integration = deps.integrations.findByType(pagerDutyIntegrationSpec.type);
  const current = integration ? deps.integrations.secret(integration.id, 'api_access_token') : null;
  const newId = deps.deliveries.insert(
    {
      kind: action,
      endpoint: 'enqueue',
      sync: false,
      integrationId: trigger.integration_id,
      flowId: trigger.flow_id,
      actionId: trigger.action_id,
      executionId: trigger.execution_id,
      triggerId: trigger.id,
      healthIntegrationId: trigger.key_source === 'integration' && current === key ? (integration?.id ?? null) : null,
      healthActionId: trigger.health_action_id,
      keySource: trigger.key_source,
      routingKey: key,
      dedupKey: trigger.dedup_key,
      event: { routing_key: key, event_action: action, dedup_key: trigger.dedup_key },
    },
    deps.clock.now(),
  );
  deps.wake();
  return deps.deliveries.get(newId)!;
}
