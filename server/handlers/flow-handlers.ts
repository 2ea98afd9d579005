import type { Flow, PagerDutyActionInput, ValidationIssue } from '../../src/api/contract';
import { actionHealth } from '../delivery/health-view';
import { notFound, validationError } from '../http/http-error';
import { ifMatch, setEtag, staleWrite } from '../http/preconditions';
import type { Handlers } from '../http/register-endpoints';
import { routingKeyErrors } from '../pagerduty/routing-key';
import type { ActionWrite, FlowWriteResult } from '../store/flows-store';
import type { Services } from './services';

type FlowHandlers = Pick<Handlers, 'listFlows' | 'createFlow' | 'getFlow' | 'updateFlow' | 'deleteFlow'>;

/**
 * Checks override keys against PagerDuty's format only: saving must not page anyone, and the
 * test notification is where a key meets PagerDuty.
 */
function toActionWrites(actions: PagerDutyActionInput[]): ActionWrite[] {
  const issues: ValidationIssue[] = [];
  const writes = actions.map((action, index): ActionWrite => {
    let routingKey = action.parameters.routing_key;
    if (typeof routingKey === 'string') {
      routingKey = routingKey.trim();
      const [problem] = routingKeyErrors(routingKey);
      if (problem) {
        issues.push({
          loc: ['body', 'actions', index, 'parameters', 'routing_key'],
          msg: problem,
          type: 'pagerduty.invalid_key',
        });
      }
    }
    return {
      ...(action.id === undefined ? {} : { id: action.id }),
      type: action.type,
      message: action.tokenized_message,
      severity: action.parameters.severity ?? 'info',
      customDetails: action.parameters.custom_details ?? {},
      routingKey,
    };
  });
  if (issues.length) throw validationError(issues);
  return writes;
}

function unwrap(result: FlowWriteResult, id: number | undefined, decorate: (flow: Flow) => Flow) {
  if (!result) throw notFound(`Flow ${id} not found`);
  if ('conflict' in result) throw staleWrite('flow', decorate(result.conflict));
  if ('unknownActionIndexes' in result) {
    throw validationError(
      result.unknownActionIndexes.map((index) => ({
        loc: ['body', 'actions', index, 'id'],
        msg: 'Unknown action id for this flow; leave the id out to add a new action',
        type: 'unknown_id',
      })),
    );
  }
  return result.flow;
}

export function flowHandlers({ flows, delivery }: Services): FlowHandlers {
  const withHealth = () => actionHealth(delivery.health);
  return {
    listFlows: () => flows.list().map(withHealth()),
    getFlow({ params, reply }) {
      const flow = flows.get(params.id);
      if (!flow) throw notFound(`Flow ${params.id} not found`);
      setEtag(reply, flow.updated);
      return withHealth()(flow);
    },
    createFlow({ body, reply }) {
      const flow = unwrap(
        flows.create({ name: body.name, triggerType: body.trigger_type, actions: toActionWrites(body.actions) }),
        undefined,
        withHealth(),
      );
      setEtag(reply, flow.updated);
      return withHealth()(flow);
    },
    updateFlow({ params, body, request, reply }) {
      // A 404 for an unknown flow, then a stale version, win over complaints about its actions.
      const current = flows.get(params.id);
      if (!current) throw notFound(`Flow ${params.id} not found`);
      const matches = ifMatch(request);
      if (matches && !matches(current.updated)) throw staleWrite('flow', withHealth()(current));
      const flow = unwrap(
        flows.update(
          params.id,
          {
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(body.trigger_type === undefined ? {} : { triggerType: body.trigger_type }),
            ...(body.actions === undefined ? {} : { actions: toActionWrites(body.actions) }),
          },
          matches,
        ),
        params.id,
        withHealth(),
      );
      setEtag(reply, flow.updated);
      return withHealth()(flow);
    },
    deleteFlow({ params }) {
      if (!flows.remove(params.id)) throw notFound(`Flow ${params.id} not found`);
      return undefined;
    },
  };
}
