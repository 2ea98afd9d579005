import { z } from '../../src/api/contract/zod';

/*
 * The simulator's control-surface shapes, written once: the plugin answers with them and the server tests and the
 * e2e fixtures read them (e2e imports this file rather than redeclaring what the simulator records).
 */

export const simEndpointSchema = z.enum(['enqueue', 'change']);
export type SimEndpoint = z.infer<typeof simEndpointSchema>;

/** `POST /_control/faults`: what the next N requests get instead of a normal answer. */
export const faultKindSchema = z.enum(['rate_limit', 'server_error', 'timeout', 'malformed']);
export type FaultKind = z.infer<typeof faultKindSchema>;
export const FAULT_KINDS = faultKindSchema.options;

/** What an accepted alert event did to the alert of its dedup key (change events and refusals have none). */
export const alertEffectSchema = z.enum(['opened', 'merged', 'acknowledged', 'resolved', 'dropped']);
export type AlertEffect = z.infer<typeof alertEffectSchema>;

export const recordedEventSchema = z.object({
  id: z.int(),
  endpoint: simEndpointSchema,
  received_at: z.string(),
  /** HTTP status the simulator answered; 0 when an outage dropped the connection without an answer. */
  status: z.int(),
  /** The parsed JSON received, or the raw text when it was not JSON. */
  body: z.unknown(),
  effect: z.optional(alertEffectSchema),
});
export type RecordedEvent = z.infer<typeof recordedEventSchema>;

export const alertStatusSchema = z.enum(['triggered', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** `GET /_control/alerts`: one alert per routing key + dedup key while open; a trigger after a resolve opens another. */
export const simAlertSchema = z.object({
  id: z.int(),
  /** Only the last four characters: this endpoint is read by tests that scan every answer for leaked keys. */
  routing_key_last4: z.string(),
  dedup_key: z.string(),
  status: alertStatusSchema,
  summary: z.string(),
  severity: z.string(),
  /** Triggers merged into this alert after the one that opened it. */
  merged: z.int(),
  created_at: z.string(),
  acknowledged_at: z.nullable(z.string()),
  resolved_at: z.nullable(z.string()),
});
export type SimAlert = z.infer<typeof simAlertSchema>;

export const outageModeSchema = z.enum(['error', 'hang', 'drop']);
export type OutageMode = z.infer<typeof outageModeSchema>;

/** `POST /_control/outage`: at most one of `requests` and `seconds`; neither = until `DELETE /_control/outage`. */
export const outageRequestSchema = z.strictObject({
  mode: outageModeSchema,
  requests: z.optional(z.int().check(z.positive())),
  seconds: z.optional(z.number().check(z.positive())),
});
export type OutageRequest = z.infer<typeof outageRequestSchema>;

/** `GET /_control/outage` (and the answer of POST): null when PagerDuty is up. */
export const outageStatusSchema = z.nullable(
  z.object({
    mode: outageModeSchema,
    remaining_requests: z.nullable(z.int()),
    ends_at: z.nullable(z.string()),
    /** Requests held right now by a `hang` outage. */
    held: z.int(),
  }),
);
export type OutageStatus = z.infer<typeof outageStatusSchema>;
