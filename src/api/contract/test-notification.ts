import { z } from './zod';
import { isoDateTimeSchema } from './common';
import { actionParametersInputSchema, customDetailsSchema, severitySchema, triggerTypeSchema } from './flows';

/**
 * The brief's body (`type`, `tokenized_message`, `parameters`) plus optional context: the flow
 * and action being edited, so the server can use a stored override the form did not resend,
 * fill tokens for the right trigger, and remember the action's last test.
 */
export const testNotificationRequestSchema = z.strictObject({
  type: z.literal('PagerDuty'),
  tokenized_message: z.string().check(z.maxLength(4096)),
  /** As saved on an action; `routing_key`: a new key to test with, null = not the stored override, omitted = the stored override if any. */
  parameters: actionParametersInputSchema,
  flow_id: z.optional(z.int().check(z.positive())),
  action_id: z.optional(z.int().check(z.positive())),
  trigger_type: z.optional(triggerTypeSchema),
  flow_name: z.optional(z.string().check(z.maxLength(200))),
});
export type TestNotificationRequest = z.input<typeof testNotificationRequestSchema>;

/**
 * Sample values of the automatic custom details a test event carries beside the user's (the platform sends the
 * datastore, the container and the check type): the reference server sends them and the editor's preview shows them.
 */
export const testEventSamples = {
  datastore: 'Snowflake Prod',
  container: 'orders',
  checkType: 'freshnessCheck',
} as const;

export const keySourceSchema = z.enum(['integration', 'override']);
export type KeySource = z.infer<typeof keySourceSchema>;

/** The trigger event as it was sent, routing key redacted to its last four characters. */
export const sentEventSchema = z.object({
  routing_key: z.string(),
  event_action: z.literal('trigger'),
  dedup_key: z.string(),
  client: z.string(),
  client_url: z.string(),
  payload: z.object({
    summary: z.string(),
    timestamp: z.string(),
    severity: severitySchema,
    source: z.string(),
    component: z.optional(z.string()),
    class: z.optional(z.string()),
    group: z.optional(z.string()),
    custom_details: z.optional(customDetailsSchema),
  }),
  links: z.optional(z.array(z.object({ href: z.string(), text: z.optional(z.string()) }))),
});
export type SentEvent = z.infer<typeof sentEventSchema>;

export const testNotificationResponseSchema = z.object({
  status: z.literal('success'),
  message: z.string(),
  sent_at: isoDateTimeSchema,
  key_source: keySourceSchema,
  routing_key_last4: z.string(),
  pagerduty: z.object({ status: z.string(), message: z.string(), dedup_key: z.string() }),
  event: sentEventSchema,
  /** The delivery recording this event, so the console can acknowledge / resolve the incident it opened. */
  delivery_id: z.optional(z.int()),
});
export type TestNotificationResponse = z.infer<typeof testNotificationResponseSchema>;

/**
 * Identifies the settings a test was sent with, without any secret: the server stores it with
 * an action's last test and the editor compares it with the form to mark that test stale.
 * Keys are sorted so the same settings always give the same string on both sides.
 */
export function testFingerprint(settings: {
  tokenized_message: string;
  severity: string;
  custom_details: Record<string, unknown>;
  key_source: KeySource;
}): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
        )
      : Array.isArray(value)
        ? value.map(sorted)
        : value;
  return JSON.stringify([
    settings.tokenized_message,
    settings.severity,
    sorted(settings.custom_details),
    settings.key_source,
  ]);
}
