import { randomUUID } from 'node:crypto';
import { pagerDutyLimits, type SentEvent, type Severity, type TriggerType } from '../../../src/api/contract';
import { renderMessage, sampleContext } from '../../specs/notification-tokens';

/** A change event: shows up on the service's timeline, pages nobody. Used to prove a key works. */
export function buildValidationChangeEvent(routingKey: string, publicUrl: string, summary: string) {
  return {
    routing_key: routingKey,
    payload: {
      summary,
      source: publicUrl,
      timestamp: new Date().toISOString(),
      custom_details: { reason: 'Routing Key validation by Qualytics; no incident is created.' },
    },
    links: [{ href: `${publicUrl}/integrations`, text: 'Qualytics integrations' }],
  };
}

export interface TestEventInput {
  routingKey: string;
  message: string;
  severity: Severity;
  customDetails: Record<string, unknown>;
  triggerType: TriggerType;
  flowName?: string;
  flowId?: number;
  publicUrl: string;
}

const classes: Partial<Record<TriggerType, string>> = {
  anomaly: 'anomaly',
  operation: 'operation',
  partition_scan: 'partition_scan',
};

const EMPTY_MESSAGE_SUMMARY = 'Test notification from Qualytics';

/** Used instead of custom details that would push the event over PagerDuty's 512 KB, as Grafana does. */
export const OVERSIZE_DETAILS_NOTE =
  'Custom details were removed: the event exceeded the 512 KB PagerDuty allows. Reduce the Additional Details.';

export const eventBytes = (event: unknown) => Buffer.byteLength(JSON.stringify(event), 'utf8');

/**
 * At most `max` UTF-16 units, never splitting a character: within the limit whether PagerDuty counts
 * characters or units.
 */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** A trigger event shaped like the platform's, with sample values for the trigger's tokens. */
export function buildTestTriggerEvent(input: TestEventInput): { event: SentEvent; detailsDropped: boolean } {
  const rendered = renderMessage(input.message, input.triggerType, input.publicUrl, {
    flow_name: input.flowName?.trim() || undefined,
  });
  // PagerDuty shows the summary as a one-line incident title.
  const line = rendered.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const summary = cut(line || EMPTY_MESSAGE_SUMMARY, pagerDutyLimits.summaryChars);
  const event: SentEvent = {
    routing_key: input.routingKey,
    event_action: 'trigger',
    dedup_key: `qualytics-test-${randomUUID()}`,
    client: 'Qualytics',
    client_url: input.publicUrl,
    payload: {
      summary,
      timestamp: new Date().toISOString(),
      severity: input.severity,
      source: input.publicUrl,
      component: sampleContext.container,
      class: classes[input.triggerType] ?? 'test',
      custom_details: {
        datastore: sampleContext.datastore,
        container: sampleContext.container,
        check_type: sampleContext.checkType,
        test_notification: true,
        ...input.customDetails,
      },
    },
    links: [
      {
        href: input.flowId === undefined ? input.publicUrl : `${input.publicUrl}/flows/${input.flowId}`,
        text: 'Event Details',
      },
    ],
  };
  if (eventBytes(event) <= pagerDutyLimits.eventBytes) return { event, detailsDropped: false };
  event.payload.custom_details = { note: OVERSIZE_DETAILS_NOTE, test_notification: true };
  return { event, detailsDropped: true };
}

/** The last four characters of a key, or nothing for a key too short to show any of it safely. */
export const keyLast4 = (key: string) => (key.length >= 12 ? key.slice(-4) : '');

/** What a response may show of a routing key. */
export const redactKey = (key: string) => `…${keyLast4(key)}`;
