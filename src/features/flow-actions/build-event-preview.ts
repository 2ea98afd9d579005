import {
  pagerDutyLimits,
  testEventSamples,
  type KeySource,
  type MessageToken,
  type SentEvent,
  type Severity,
  type TriggerType,
} from '../../api/contract';
import { renderMessage, toSummaryLine } from './render-message';

export interface EventPreviewInput {
  message: string;
  severity: Severity;
  /** The user's Additional Details; they win over the automatic ones. */
  customDetails: Record<string, unknown>;
  triggerType: TriggerType;
  tokens: readonly MessageToken[];
  flowName?: string;
  keySource: KeySource;
  /** Known only while an override is being typed: a stored key is never in the browser. */
  overrideLast4?: string;
  /** The platform's address, used as source and client_url. */
  origin: string;
  flowId?: number;
  /** Tokens of every trigger, for sample values the platform adds whatever the trigger (datastore, container). */
  allTokens?: readonly MessageToken[];
}

/** The form field a limit problem belongs to, so the editor can mark it. */
export type PreviewField = 'tokenized_message' | 'custom_details';

export interface LimitProblem {
  field: PreviewField;
  message: string;
}

export interface EventPreview {
  event: SentEvent;
  summaryChars: number;
  eventBytes: number;
  problems: LimitProblem[];
}

const encoder = new TextEncoder();
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

const sample = (tokens: readonly MessageToken[], name: string) => tokens.find((t) => t.name === name)?.sample;

/** Mirrors the server's test event: a class only for triggers PagerDuty can group by. */
const eventClass = (trigger: TriggerType) =>
  trigger === 'anomaly' || trigger === 'operation' || trigger === 'partition_scan' ? trigger : 'test';

/**
 * The details the platform adds by itself, before the user's. Sample values stand in for the real anomaly;
 * they come from every trigger's tokens because a Schedule flow still reports its datastore.
 */
function automaticDetails(samples: readonly MessageToken[]): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const datastore = sample(samples, 'datastore_name');
  const container = sample(samples, 'container_name');
  if (datastore) details.datastore = datastore;
  if (container) details.container = container;
  // Not a token, so the catalog does not carry it: the sample the server sends.
  details.check_type = testEventSamples.checkType;
  details.test_notification = true;
  return details;
}

export function redactedKey(source: KeySource, last4?: string): string {
  if (source === 'override') return last4 ? `override …${last4}` : 'override (stored)';
  return "integration's key";
}

/** The trigger event a test (or a real run) of these settings will send, with PagerDuty's limits checked. */
export function buildEventPreview(input: EventPreviewInput, now = new Date()): EventPreview {
  const tokens = (input.triggerType === 'schedule' || input.triggerType === 'manual' ? [] : input.tokens).map((t) =>
    t.name === 'flow_name' && input.flowName?.trim() ? { ...t, sample: input.flowName.trim() } : t,
  );
  const samples = [...tokens, ...(input.allTokens ?? [])];
  const summary = toSummaryLine(renderMessage(input.message, tokens)) || 'Test notification from Qualytics';
  const event: SentEvent = {
    routing_key: redactedKey(input.keySource, input.overrideLast4),
    event_action: 'trigger',
    dedup_key: '(assigned when sent)',
    client: 'Qualytics',
    client_url: input.origin,
    payload: {
      summary,
      timestamp: now.toISOString(),
      severity: input.severity,
      source: input.origin,
      component: sample(samples, 'container_name'),
      class: eventClass(input.triggerType),
      custom_details: { ...automaticDetails(samples), ...input.customDetails },
    },
    links: [{ href: input.flowId ? `${input.origin}/flows/${input.flowId}` : input.origin, text: 'Event Details' }],
  };

  const problems: LimitProblem[] = [];
  const summaryChars = [...summary].length;
  if (summaryChars > pagerDutyLimits.summaryChars) {
    problems.push({
      field: 'tokenized_message',
      message: `The summary is ${summaryChars.toLocaleString('en-US')} characters once tokens are filled; PagerDuty accepts at most ${pagerDutyLimits.summaryChars.toLocaleString('en-US')}.`,
    });
  }
  // A real key is 32 characters where the preview shows a label: count the real size.
  const eventBytes = byteLength({ ...event, routing_key: 'x'.repeat(32) });
  if (eventBytes > pagerDutyLimits.eventBytes) {
    const detailsBytes = byteLength(input.customDetails);
    const field: PreviewField = detailsBytes >= encoder.encode(summary).length ? 'custom_details' : 'tokenized_message';
    problems.push({
      field,
      message: `The event is ${formatKb(eventBytes)}; PagerDuty accepts at most ${formatKb(pagerDutyLimits.eventBytes)}. Shorten the ${field === 'custom_details' ? 'Additional Details' : 'Message'}.`,
    });
  }
  return { event, summaryChars, eventBytes, problems };
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
}
