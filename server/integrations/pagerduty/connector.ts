import type { Connector } from '../connector';
import { pagerDutyActionSpec } from './action-spec';
import { buildValidationChangeEvent } from './events';
import { createEventsClient, type EventsClient, type EventsClientOptions } from './events-client';
import { failureToHttpError } from './failure-response';
import { pagerDutyIntegrationSpec } from './integration-spec';
import { routingKeyErrors } from './routing-key';
import { pagerDutyActionTester } from './test-notification';

const KEY_FIELD = 'api_access_token';

const validationSummary = {
  connect: 'Qualytics: PagerDuty integration connected',
  rotate: 'Qualytics: PagerDuty Routing Key updated',
  verify: 'Qualytics: PagerDuty Routing Key verified',
} as const;

/** PagerDuty's connector; `attemptEvent` (= `send`) tries once and is the delivery outbox's transport. */
export interface PagerDutyConnector extends Connector {
  readonly events: EventsClient;
  attemptEvent: EventsClient['attemptEvent'];
}

export function pagerDutyConnector(options: EventsClientOptions & { publicUrl: string }): PagerDutyConnector {
  const events = createEventsClient(options);
  return {
    type: pagerDutyIntegrationSpec.type,
    spec: pagerDutyIntegrationSpec,
    actionSpec: pagerDutyActionSpec,
    events,
    attemptEvent: events.attemptEvent,
    send: events.attemptEvent,

    /**
     * Proves a key works with a change event (no incident), recorded as a validation delivery. A candidate key
     * (connect, rotate) counts for health only once it is stored: the handler adopts the delivery then.
     */
    async validateCredentials(secrets, { reason, integrationId, services }) {
      const routingKey = secrets[KEY_FIELD];
      if (routingKey === undefined) return;
      const event = buildValidationChangeEvent(routingKey, options.publicUrl, validationSummary[reason]);
      const id = integrationId ?? null;
      const { deliveryId, outcome } = await services.delivery.sendNow(
        {
          kind: 'validation',
          endpoint: 'change',
          integrationId: id,
          healthIntegrationId: id,
          keySource: 'integration',
          dedupKey: null,
        },
        event,
      );
      if (!outcome.ok) throw failureToHttpError(outcome.failure, KEY_FIELD);
      return { deliveryId };
    },

    // PagerDuty routes by key, not by channel.
    listChannels: () => [],

    failureToHttpError,

    /** Override keys are checked against PagerDuty's format only: saving must not page anyone. */
    actionIssues(parameters, loc) {
      const routingKey = parameters.routing_key;
      if (typeof routingKey !== 'string') return [];
      const [problem] = routingKeyErrors(routingKey.trim());
      return problem ? [{ loc: [...loc, 'routing_key'], msg: problem, type: 'pagerduty.invalid_key' }] : [];
    },

    testAction: pagerDutyActionTester,
  };
}
