import { z } from './zod';
import { isoDateTimeSchema } from './common';
import { pageQuerySchema, pageSchema } from './pages';

/** The platform's execution states (Success / Failure / Running). */
export const executionStatusSchema = z.enum(['running', 'success', 'failure']);
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;

/** The platform's node states; `skipped` carries why in `detail` (e.g. "PagerDuty is not connected"). */
export const executionActionStatusSchema = z.enum(['pending', 'running', 'success', 'failure', 'skipped']);
export type ExecutionActionStatus = z.infer<typeof executionActionStatusSchema>;

export const executionActionSchema = z.object({
  action_id: z.int(),
  status: executionActionStatusSchema,
  delivery_id: z.nullable(z.int()),
  detail: z.nullable(z.string()),
});
export type ExecutionAction = z.infer<typeof executionActionSchema>;

export const executionSchema = z.object({
  id: z.int(),
  flow_id: z.int(),
  status: executionStatusSchema,
  created: isoDateTimeSchema,
  finished: z.nullable(isoDateTimeSchema),
  actions: z.array(executionActionSchema),
});
export type Execution = z.infer<typeof executionSchema>;

export const executionPageSchema = pageSchema(executionSchema);
export type ExecutionPage = z.infer<typeof executionPageSchema>;

/**
 * Runs a flow now, as the platform does when its trigger fires. All optional (no body at all is fine):
 * tokens the context lacks take the test notification's sample values; `dedup_key` is used for every
 * action, otherwise each action gets its own generated key.
 */
export const executeFlowRequestSchema = z._default(
  z.strictObject({
    context: z.optional(
      z.record(z.string().check(z.minLength(1), z.maxLength(100)), z.string().check(z.maxLength(4096))),
    ),
    dedup_key: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  }),
  {},
);
export type ExecuteFlowRequest = z.input<typeof executeFlowRequestSchema>;

export const executionListQuerySchema = pageQuerySchema;
export type ExecutionListQuery = z.infer<typeof executionListQuerySchema>;
