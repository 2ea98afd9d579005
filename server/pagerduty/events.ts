import { randomUUID } from 'node:crypto';
import { pagerDutyLimits, type SentEvent, type Severity, type TriggerType } from '../../src/api/contract';
import { renderMessage, sampleContext } from '../specs/notification-tokens';

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

export interface TriggerEventInput extends Omit<TestEventInput, 'flowName'> {
  /** Token values of the firing (`{"flow_name": ..., "datastore_name": ...}`); missing ones take the samples. */
  context: Partial<Record<string, string>>;
  dedupKey: string;
  timestamp: string;
  /** Marks the event as a test in its class and custom details. */
  test: boolean;
  emptySummary: string;
}

/** A trigger event shaped like the platform's; tokens the context lacks take the test notification's samples. */
export function buildTriggerEvent(input: TriggerEventInput): { event: SentEvent; detailsDropped: boolean } {
  const rendered = renderMessage(input.message, input.triggerType, input.publicUrl, input.context);
  // PagerDuty shows the summary as a one-line incident title.
  const line = rendered.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const summary = cut(line || input.emptySummary, pagerDutyLimits.summaryChars);
  const container = input.context.container_name ?? sampleContext.container;
  const testMark = input.test ? { test_notification: true } : {};
  const event: SentEvent = {
    routing_key: input.routingKey,
    event_action: 'trigger',
    dedup_key: input.dedupKey,
    client: 'Qualytics',
    client_url: input.publicUrl,
    payload: {
      summary,
      timestamp: input.timestamp,
      severity: input.severity,
      source: input.publicUrl,
      component: container,
      class: classes[input.triggerType] ?? (input.test ? 'test' : input.triggerType),
      custom_details: {
        datastore: input.context.datastore_name ?? sampleContext.datastore,
        container,
        check_type: sampleContext.checkType,
        ...testMark,
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
  event.payload.custom_details = { note: OVERSIZE_DETAILS_NOTE, ...testMark };
  return { event, detailsDropped: true };
}

/** The test notification's trigger: sample values for every token but the flow name. */
export function buildTestTriggerEvent(input: TestEventInput): { event: SentEvent; detailsDropped: boolean } {
  return buildTriggerEvent({
    ...input,
    context: { flow_name: input.flowName?.trim() || undefined },
    dedupKey: `qualytics-test-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    test: true,
    emptySummary: EMPTY_MESSAGE_SUMMARY,
  });
}

/** The last four characters of a key, or nothing for a key too short to show any of it safely. */
export const keyLast4 = (key: string) => (key.length >= 12 ? key.slice(-4) : '');

/** What a response may show of a routing key. */
export const redactKey = (key: string) => `…${keyLast4(key)}`;
