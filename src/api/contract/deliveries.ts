import { z } from './zod';
import { isoDateTimeSchema } from './common';
import { deliveryFailureSchema } from './delivery-health';
import { pageQuerySchema, pageSchema } from './pages';

export const deliveryKindSchema = z.enum(['validation', 'test', 'trigger', 'acknowledge', 'resolve']);
export type DeliveryKind = z.infer<typeof deliveryKindSchema>;

export const deliveryStatusSchema = z.enum(['pending', 'retrying', 'delivered', 'failed', 'skipped']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const incidentStateSchema = z.enum(['triggered', 'acknowledged', 'resolved']);
export type IncidentState = z.infer<typeof incidentStateSchema>;

/** `rejected` = PagerDuty refused it (400, never retried); `retryable` = 429, 5xx, timeout, refused, unreadable. */
export const attemptOutcomeSchema = z.enum(['delivered', 'rejected', 'retryable']);
export type AttemptOutcome = z.infer<typeof attemptOutcomeSchema>;

export const deliveryAttemptSchema = z.object({
  at: isoDateTimeSchema,
  duration_ms: z.number().check(z.nonnegative()),
  http_status: z.nullable(z.int()),
  outcome: attemptOutcomeSchema,
  /** PagerDuty's reply verbatim; null when there was none (timeout, refused connection, unreadable body). */
  pagerduty: z.nullable(
    z.object({
      status: z.optional(z.string()),
      message: z.optional(z.string()),
      errors: z.optional(z.array(z.string())),
    }),
  ),
  /** What went wrong on our side of the wire (e.g. "No answer within 10 s"), when PagerDuty said nothing. */
  detail: z.optional(z.nullable(z.string())),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/** Every event the server sends PagerDuty. The routing key it went with is kept sealed and never returned. */
export const deliverySchema = z.object({
  id: z.int(),
  kind: deliveryKindSchema,
  status: deliveryStatusSchema,
  integration_id: z.nullable(z.int()),
  flow_id: z.nullable(z.int()),
  action_id: z.nullable(z.int()),
  execution_id: z.nullable(z.int()),
  key_source: z.nullable(z.enum(['integration', 'override'])),
  key_last4: z.nullable(z.string()),
  /** Null for change events (key validation), which have none. */
  dedup_key: z.nullable(z.string()),
  /** The event as sent, routing key redacted to its last four characters. */
  event: z.nullable(z.record(z.string(), z.unknown())),
  /** Triggers only: where the incident stands after the acknowledge / resolve deliveries that reached PagerDuty. */
  incident_state: z.nullable(incidentStateSchema),
  attempts: z.array(deliveryAttemptSchema),
  next_attempt_at: z.nullable(isoDateTimeSchema),
  created: isoDateTimeSchema,
  updated: isoDateTimeSchema,
  /** Why it failed or was skipped (PagerDuty's reason, "gave up after N attempts over D", ...). */
  failure: z.optional(z.nullable(deliveryFailureSchema)),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryPageSchema = pageSchema(deliverySchema);
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

const idQuery = z.optional(z.coerce.number().check(z.int(), z.positive()));

export const deliveryListQuerySchema = z.object({
  ...pageQuerySchema.shape,
  status: z.optional(deliveryStatusSchema),
  kind: z.optional(deliveryKindSchema),
  flow_id: idQuery,
  integration_id: idQuery,
  /** Only deliveries created at or after this instant. */
  since: z.optional(isoDateTimeSchema),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;
