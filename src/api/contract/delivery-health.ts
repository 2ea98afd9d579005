import { z } from './zod';
import { isoDateTimeSchema, pagerDutyFailureCodeSchema } from './common';

/** Why a delivery (or the last one of an integration) failed: a failure code and a sentence to show. */
export const deliveryFailureSchema = z.object({
  code: pagerDutyFailureCodeSchema,
  detail: z.string(),
});
export type DeliveryFailure = z.infer<typeof deliveryFailureSchema>;

/**
 * How an integration's (or an action's) key fares, derived from its deliveries: `failing` once its latest
 * finished attempt failed, `ok` again after the next success. Its own file: integrations and flows both use it.
 */
export const deliveryHealthSchema = z.object({
  state: z.enum(['ok', 'failing', 'no_deliveries']),
  last_attempt_at: z.nullable(isoDateTimeSchema),
  last_success_at: z.nullable(isoDateTimeSchema),
  last_failure_at: z.nullable(isoDateTimeSchema),
  last_failure: z.nullable(deliveryFailureSchema),
  consecutive_failures: z.int().check(z.nonnegative()),
});
export type DeliveryHealth = z.infer<typeof deliveryHealthSchema>;
