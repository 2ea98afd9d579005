import {
  testFingerprint,
  type KeySource,
  type LastTest,
  type TestNotificationResponse,
  type TriggerType,
} from '../../src/api/contract';
import { HttpError, notFound, validationError } from '../http/http-error';
import type { HandlerContext, Handlers } from '../http/register-endpoints';
import { buildTestTriggerEvent, keyLast4, OVERSIZE_DETAILS_NOTE, redactKey } from '../pagerduty/events';
import { failureToHttpError } from '../pagerduty/failure-response';
import { pagerDutyIntegrationSpec } from '../specs/integration-specs';
import type { Services } from './services';

const SUCCESS_MESSAGE = 'Notification successfully sent.';

const notConnected = () =>
  new HttpError(409, {
    detail: 'PagerDuty is not connected. Connect PagerDuty or set a Routing Key Override.',
    code: 'not_connected',
  });

export function testNotificationHandlers(
  services: Services,
): Pick<Handlers, 'testNotification' | 'testNotificationAlias'> {
  const { config, integrations, flows, delivery, testLimiter } = services;

  /** The flow and action being edited, when given; both must exist and belong together. */
  function context(body: HandlerContext<'testNotification'>['body']) {
    let flowId = body.flow_id;
    let actionOverride: string | null = null;
    if (body.action_id !== undefined) {
      const action = flows.action(body.action_id);
      if (!action || (flowId !== undefined && action.flowId !== flowId)) {
        throw notFound(`Action ${body.action_id} not found${flowId === undefined ? '' : ` in flow ${flowId}`}`);
      }
      flowId = action.flowId;
      actionOverride = action.routingKey;
    }
    const flow = flowId === undefined ? null : flows.get(flowId);
    if (flowId !== undefined && !flow) throw notFound(`Flow ${flowId} not found`);
    return { flow, actionOverride };
  }

  function chooseKey(requested: string | null | undefined, actionOverride: string | null) {
    if (typeof requested === 'string') {
      if (requested.trim() === '') {
        throw validationError([
          {
            loc: ['body', 'parameters', 'routing_key'],
            msg: 'Routing Key Override cannot be blank; leave it out to use the stored key',
            type: 'missing',
          },
        ]);
      }
      return { key: requested.trim(), source: 'override' as KeySource, integrationId: null, stored: false };
    }
    if (requested === undefined && actionOverride) {
      return { key: actionOverride, source: 'override' as KeySource, integrationId: null, stored: true };
    }
    const integration = integrations.findByType(pagerDutyIntegrationSpec.type);
    const key = integration ? integrations.secret(integration.id, 'api_access_token') : null;
    if (!key) throw notConnected();
    return { key, source: 'integration' as KeySource, integrationId: integration!.id, stored: true };
  }

  async function send({ body, user, request }: Pick<HandlerContext<'testNotification'>, 'body' | 'user' | 'request'>) {
    const { flow, actionOverride } = context(body);
    const { key, source, integrationId, stored } = chooseKey(body.parameters.routing_key, actionOverride);
    const wait = testLimiter.hit(String(user!.id));
    if (wait) {
      throw new HttpError(
        429,
        { detail: `Too many test notifications. Try again in ${wait} seconds.`, retry_after: wait },
        { 'Retry-After': String(wait) },
      );
    }
    const severity = body.parameters.severity ?? 'info';
    const customDetails = body.parameters.custom_details ?? {};
    const triggerType: TriggerType = body.trigger_type ?? flow?.trigger_type ?? 'anomaly';
    const { event, detailsDropped } = buildTestTriggerEvent({
      routingKey: key,
      message: body.tokenized_message,
      severity,
      customDetails,
      triggerType,
      flowName: body.flow_name ?? flow?.name,
      flowId: flow?.id,
      publicUrl: config.publicUrl,
    });
    const fingerprint = testFingerprint({
      tokenized_message: body.tokenized_message,
      severity,
      custom_details: customDetails,
      key_source: source,
    });
    const remember = (lastTest: Omit<LastTest, 'at' | 'fingerprint'>) => {
      if (body.action_id !== undefined) {
        flows.setLastTest(body.action_id, { at: new Date().toISOString(), fingerprint, ...lastTest });
      }
    };

    // A key typed into the form only for this test says nothing about the health of what is stored.
    const { deliveryId, outcome } = await delivery.sendNow(
      {
        kind: 'test',
        endpoint: 'enqueue',
        integrationId,
        flowId: flow?.id ?? null,
        actionId: body.action_id ?? null,
        healthIntegrationId: integrationId,
        healthActionId: stored ? (body.action_id ?? null) : null,
        keySource: source,
        dedupKey: event.dedup_key,
      },
      event,
    );
    if (!outcome.ok) {
      remember({ outcome: 'failed', message: outcome.failure.detail });
      throw failureToHttpError(outcome.failure);
    }
    const dedupKey = outcome.reply.dedup_key ?? event.dedup_key;
    remember({ outcome: 'delivered', dedup_key: dedupKey, message: SUCCESS_MESSAGE });
    if (detailsDropped) request.log.warn('test notification sent without custom details: event over 512 KB');
    const response: TestNotificationResponse = {
      status: 'success',
      message: detailsDropped ? `${SUCCESS_MESSAGE} ${OVERSIZE_DETAILS_NOTE}` : SUCCESS_MESSAGE,
      sent_at: event.payload.timestamp,
      key_source: source,
      routing_key_last4: keyLast4(key),
      pagerduty: { status: outcome.reply.status, message: outcome.reply.message, dedup_key: dedupKey },
      event: { ...event, routing_key: redactKey(key) },
      delivery_id: deliveryId,
    };
    return response;
  }

  return { testNotification: send, testNotificationAlias: send };
}
