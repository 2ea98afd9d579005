import { z } from './zod';
import { isoDateTimeSchema } from './common';
import { deliveryHealthSchema } from './delivery-health';

export const triggerTypeSchema = z.enum([
  'anomaly',
  'operation',
  'partition_scan',
  'anomaly_archive',
  'anomaly_delete',
  'schedule',
  'manual',
]);
export type TriggerType = z.infer<typeof triggerTypeSchema>;

export const triggerTypeLabels: Record<TriggerType, string> = {
  anomaly: 'Anomaly',
  operation: 'Operation',
  partition_scan: 'Partition Scan',
  anomaly_archive: 'Anomaly Archive',
  anomaly_delete: 'Anomaly Delete',
  schedule: 'Schedule',
  manual: 'Manual',
};

export const severitySchema = z.enum(['info', 'warning', 'error', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** PagerDuty's limits, enforced by the server and checked live by the editor's preview. */
export const pagerDutyLimits = {
  summaryChars: 1024,
  dedupKeyChars: 255,
  eventBytes: 512 * 1024,
} as const;

export const customDetailsSchema = z.record(z.string().check(z.minLength(1)), z.unknown());

/** Last test of an action, kept by the server; `fingerprint` identifies the settings that were tested. */
export const lastTestSchema = z.object({
  at: isoDateTimeSchema,
  outcome: z.enum(['delivered', 'failed']),
  dedup_key: z.optional(z.string()),
  message: z.string(),
  fingerprint: z.string(),
});
export type LastTest = z.infer<typeof lastTestSchema>;

/** A PagerDuty action as the server returns it: a stored override is reported, never returned. */
export const pagerDutyActionSchema = z.object({
  id: z.int(),
  type: z.literal('PagerDuty'),
  tokenized_message: z.string(),
  parameters: z.object({
    severity: severitySchema,
    custom_details: customDetailsSchema,
    routing_key_configured: z.boolean(),
  }),
  last_test: z.optional(z.nullable(lastTestSchema)),
  /** Derived from the deliveries of this action's executions; optional like `last_test`. */
  health: z.optional(deliveryHealthSchema),
});
export type PagerDutyAction = z.infer<typeof pagerDutyActionSchema>;

/**
 * A PagerDuty action as the client sends it. `routing_key`: omitted = keep the stored override
 * (for an existing `id`), a string = replace it, null = clear it on purpose.
 */
export const actionParametersInputSchema = z._default(
  z.strictObject({
    severity: z.optional(severitySchema),
    custom_details: z.optional(customDetailsSchema),
    routing_key: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(256)))),
  }),
  {},
);

export const pagerDutyActionInputSchema = z.object({
  id: z.optional(z.int().check(z.positive())),
  type: z.literal('PagerDuty'),
  tokenized_message: z.string().check(z.maxLength(4096)),
  parameters: actionParametersInputSchema,
});
export type PagerDutyActionInput = z.infer<typeof pagerDutyActionInputSchema>;

export const flowSchema = z.object({
  id: z.int(),
  name: z.string(),
  trigger_type: triggerTypeSchema,
  created: isoDateTimeSchema,
  updated: isoDateTimeSchema,
  actions: z.array(pagerDutyActionSchema),
});
export type Flow = z.infer<typeof flowSchema>;

export const flowListSchema = z.array(flowSchema);

const flowNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'Name is required'), z.maxLength(200, 'Name is at most 200 characters'));

export const createFlowRequestSchema = z.strictObject({
  name: flowNameSchema,
  trigger_type: triggerTypeSchema,
  actions: z._default(z.array(pagerDutyActionInputSchema).check(z.maxLength(50)), []),
});
export type CreateFlowRequest = z.input<typeof createFlowRequestSchema>;

/** Every field optional; `actions`, when given, is the complete new list (ids keep their stored override). */
export const updateFlowRequestSchema = z.strictObject({
  name: z.optional(flowNameSchema),
  trigger_type: z.optional(triggerTypeSchema),
  actions: z.optional(z.array(pagerDutyActionInputSchema).check(z.maxLength(50))),
});
export type UpdateFlowRequest = z.input<typeof updateFlowRequestSchema>;
