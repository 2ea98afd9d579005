import type { ExecuteFlowRequest, Execution, Flow } from '../../src/api/contract';
import { HttpError, notFound } from '../http/http-error';
import { buildTriggerEvent } from '../pagerduty/events';
import { pagerDutyIntegrationSpec } from '../specs/integration-specs';
import type { Db } from '../store/database';
import type { FlowsStore } from '../store/flows-store';
import type { IntegrationsStore } from '../store/integrations-store';
import type { Clock } from './clock';
import type { DeliveriesStore } from './deliveries-store';
import type { ExecutionsStore } from './executions-store';

export const NOT_CONNECTED = 'PagerDuty is not connected';

export interface ExecuteDeps {
  db: Db;
  flows: FlowsStore;
  integrations: IntegrationsStore;
  deliveries: DeliveriesStore;
  executions: ExecutionsStore;
  clock: Clock;
  publicUrl: string;
  log: { warn(obj: object, msg: string): void };
}

/** The key an action sends with: its own override, else the PagerDuty integration's, else none. */
function keyFor(deps: ExecuteDeps, actionId: number) {
  const override = deps.flows.action(actionId)?.routingKey ?? null;
  if (override) return { key: override, source: 'override' as const, integrationId: null };
  const integration = deps.integrations.findByType(pagerDutyIntegrationSpec.type);
  const key = integration ? deps.integrations.secret(integration.id, 'api_access_token') : null;
  return key ? { key, source: 'integration' as const, integrationId: integration!.id } : null;
}

/**
 * Runs a flow as the platform does when its trigger fires: the execution and one trigger delivery per action
 * are written in one transaction, so once this returns nothing can be lost; the sender does the sending.
 */
export function executeFlow(
  deps: ExecuteDeps,
  flowId: number,
  body: Exclude<ExecuteFlowRequest, undefined>,
): Execution {
  const flow: Flow | null = deps.flows.get(flowId);
  if (!flow) throw notFound(`Flow ${flowId} not found`);
  if (!flow.actions.length) {
    throw new HttpError(409, {
      detail: `Flow "${flow.name}" has no action, so running it would notify nobody. Add a PagerDuty action first.`,
    });
  }
  const nowMs = deps.clock.now();
  const timestamp = new Date(nowMs).toISOString();
  const context = { flow_name: flow.name, ...body.context };
  const integration = deps.integrations.findByType(pagerDutyIntegrationSpec.type);

  const id = deps.db.transaction(() => {
    const executionId = deps.executions.insert(flow.id, timestamp);
    flow.actions.forEach((action, position) => {
      const chosen = keyFor(deps, action.id);
      const common = {
        kind: 'trigger' as const,
        endpoint: 'enqueue' as const,
        sync: false,
        flowId: flow.id,
        actionId: action.id,
        executionId,
        healthActionId: action.id,
      };
      if (!chosen) {
        const deliveryId = deps.deliveries.insert(
          {
            ...common,
            integrationId: integration?.id ?? null,
            keySource: null,
            routingKey: null,
            dedupKey: null,
            event: null,
            skipped: { code: 'not_connected', detail: NOT_CONNECTED },
          },
          nowMs,
        );
        deps.executions.addAction(executionId, position, action.id, deliveryId, NOT_CONNECTED);
        return;
      }
      // Stored with the delivery: every retry and every later acknowledge / resolve uses this same key.
      const dedupKey = body.dedup_key ?? `qualytics-flow-${flow.id}-execution-${executionId}-action-${action.id}`;
      const { event, detailsDropped } = buildTriggerEvent({
        routingKey: chosen.key,
        message: action.tokenized_message,
        severity: action.parameters.severity,
        customDetails: action.parameters.custom_details,
        triggerType: flow.trigger_type,
        flowId: flow.id,
        publicUrl: deps.publicUrl,
        context,
        dedupKey,
        timestamp,
        test: false,
        emptySummary: `Qualytics flow "${flow.name}" fired`,
      });
      if (detailsDropped)
        deps.log.warn({ flow: flow.id, action: action.id }, 'trigger sent without custom details: event over 512 KB');
      const deliveryId = deps.deliveries.insert(
        {
          ...common,
          integrationId: chosen.integrationId,
          healthIntegrationId: chosen.integrationId,
          keySource: chosen.source,
          routingKey: chosen.key,
          dedupKey,
          event,
        },
        nowMs,
      );
      deps.executions.addAction(executionId, position, action.id, deliveryId, null);
    });
    return executionId;
  })();
  return deps.executions.get(id)!;
}
