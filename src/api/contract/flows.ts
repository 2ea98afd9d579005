import { z } from './zod';
import { isoDateTimeSchema } from './common';

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

export const customDetailsSchema = z.record(z.string().min(1), z.unknown());

/** Last test of an action, kept by the server; `fingerprint` identifies the settings that were tested. */
export const lastTestSchema = z.object({
  at: isoDateTimeSchema,
  outcome: z.enum(['delivered', 'failed']),
  dedup_key: z.string().optional(),
  message: z.string(),
  fingerprint: z.string(),
});
export type LastTest = z.infer<typeof lastTestSchema>;

/** A PagerDuty action as the server returns it: a stored override is reported, never returned. */
export const pagerDutyActionSchema = z.object({
  id: z.number().int(),
  type: z.literal('PagerDuty'),
  tokenized_message: z.string(),
  parameters: z.object({
    severity: severitySchema,
    custom_details: customDetailsSchema,
    routing_key_configured: z.boolean(),
  }),
  last_test: lastTestSchema.nullable().optional(),
});
export type PagerDutyAction = z.infer<typeof pagerDutyActionSchema>;

/**
 * A PagerDuty action as the client sends it. `routing_key`: omitted = keep the stored override
 * (for an existing `id`), a string = replace it, null = clear it on purpose.
 */
export const actionParametersInputSchema = z
  .object({
    severity: severitySchema.optional(),
    custom_details: customDetailsSchema.optional(),
    routing_key: z.string().min(1).max(256).nullable().optional(),
  })
  .strict()
  .default({});

export const pagerDutyActionInputSchema = z.object({
  id: z.number().int().positive().optional(),
  type: z.literal('PagerDuty'),
  tokenized_message: z.string().max(4096),
  parameters: actionParametersInputSchema,
});
export type PagerDutyActionInput = z.infer<typeof pagerDutyActionInputSchema>;

export const flowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  trigger_type: triggerTypeSchema,
  created: isoDateTimeSchema,
  updated: isoDateTimeSchema,
  actions: z.array(pagerDutyActionSchema),
});
export type Flow = z.infer<typeof flowSchema>;

export const flowListSchema = z.array(flowSchema);

const flowNameSchema = z.string().trim().min(1, 'Name is required').max(200, 'Name is at most 200 characters');

export const createFlowRequestSchema = z
  .object({
    name: flowNameSchema,
    trigger_type: triggerTypeSchema,
    actions: z.array(pagerDutyActionInputSchema).max(50).default([]),
  })
  .strict();
export type CreateFlowRequest = z.input<typeof createFlowRequestSchema>;

/** Every field optional; `actions`, when given, is the complete new list (ids keep their stored override). */
export const updateFlowRequestSchema = z
  .object({
    name: flowNameSchema.optional(),
    trigger_type: triggerTypeSchema.optional(),
    actions: z.array(pagerDutyActionInputSchema).max(50).optional(),
  })
  .strict();
export type UpdateFlowRequest = z.input<typeof updateFlowRequestSchema>;
