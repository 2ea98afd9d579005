import {
  testFingerprint,
  type Flow,
  type PagerDutyActionInput,
  type User,
  type ValidationIssue,
} from '../../src/api/contract';
import { actionHealth } from '../delivery/health-view';
import { notFound, validationError } from '../http/http-error';
import { ifMatch, setEtag, staleWrite } from '../http/preconditions';
import type { Handlers } from '../http/register-endpoints';
import type { ConnectorRegistry } from '../integrations/registry';
import type { ActionWrite, FlowWriteResult } from '../store/flows-store';
import type { Services } from './services';

type FlowHandlers = Pick<Handlers, 'listFlows' | 'createFlow' | 'getFlow' | 'updateFlow' | 'deleteFlow'>;

/**
 * Each action's connector checks its parameters without calling its service: saving must not
 * page anyone, and the test notification is where a key meets the service.
 */
function toActionWrites(actions: PagerDutyActionInput[], connectors: ConnectorRegistry): ActionWrite[] {
  const issues: ValidationIssue[] = [];
  const writes = actions.map((action, index): ActionWrite => {
    const check = connectors.connectorForAction(action.type)?.actionIssues;
    if (check) issues.push(...check(action.parameters, ['body', 'actions', index, 'parameters']));
    const routingKey =
      typeof action.parameters.routing_key === 'string'
        ? action.parameters.routing_key.trim()
        : action.parameters.routing_key;
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

export function flowHandlers({ flows, connectors, delivery, unsavedTests }: Services): FlowHandlers {
  const withHealth = () => actionHealth(delivery.health);

  /** A saved action that names the test sent before it was saved gets that test as its last test. */
  function recordTests(flow: Flow, inputs: readonly PagerDutyActionInput[], user: User | null): Flow {
    let recorded = false;
    inputs.forEach((input, index) => {
      const action = flow.actions[index];
      if (input.test_delivery_id === undefined || !action || !user) return;
      const fingerprint = testFingerprint({
        tokenized_message: action.tokenized_message,
        severity: action.parameters.severity,
        custom_details: action.parameters.custom_details,
        key_source: action.parameters.routing_key_configured ? 'override' : 'integration',
      });
      const lastTest = unsavedTests.claim(input.test_delivery_id, user.id, fingerprint);
      if (!lastTest) return;
      flows.setLastTest(action.id, lastTest);
      recorded = true;
    });
    return recorded ? (flows.get(flow.id) ?? flow) : flow;
  }

  return {
    listFlows: () => flows.list().map(withHealth()),
    getFlow({ params, reply }) {
      const flow = flows.get(params.id);
      if (!flow) throw notFound(`Flow ${params.id} not found`);
      setEtag(reply, flow.updated);
      return withHealth()(flow);
    },
    createFlow({ body, user, reply }) {
      const created = unwrap(
        flows.create({
          name: body.name,
          triggerType: body.trigger_type,
          actions: toActionWrites(body.actions, connectors),
        }),
        undefined,
        withHealth(),
      );
      const flow = recordTests(created, body.actions, user);
      setEtag(reply, flow.updated);
      return withHealth()(flow);
    },
    updateFlow({ params, body, user, request, reply }) {
      // A 404 for an unknown flow, then a stale version, win over complaints about its actions.
      const current = flows.get(params.id);
      if (!current) throw notFound(`Flow ${params.id} not found`);
      const matches = ifMatch(request);
      if (matches && !matches(current.updated)) throw staleWrite('flow', withHealth()(current));
      const updated = unwrap(
        flows.update(
          params.id,
          {
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(body.trigger_type === undefined ? {} : { triggerType: body.trigger_type }),
            ...(body.actions === undefined ? {} : { actions: toActionWrites(body.actions, connectors) }),
          },
          matches,
        ),
        params.id,
        withHealth(),
      );
      const flow = recordTests(updated, body.actions ?? [], user);
      setEtag(reply, flow.updated);
      return withHealth()(flow);
    },
    deleteFlow({ params }) {
      if (!flows.remove(params.id)) throw notFound(`Flow ${params.id} not found`);
      return undefined;
    },
  };
}
