import { z } from './zod';
import { isoDateTimeSchema } from './common';
import { deliveryHealthSchema } from './delivery-health';

/**
 * An integration as the server returns it: never a secret, only non-secret properties beside
 * the fixed fields (the real platform may add more, so unknown keys are kept).
 */
export const integrationSchema = z.looseObject({
  id: z.int(),
  type: z.string(),
  created: isoDateTimeSchema,
  updated: isoDateTimeSchema,
  /**
   * Which secret properties have a stored value, by request key (`{"api_access_token": true}`), as
   * Grafana's `secureFields` does. Optional: a server with only the brief's endpoints does not send it.
   */
  secrets_configured: z.optional(z.record(z.string(), z.boolean())),
  /** Derived from its deliveries; optional: a server with only the brief's endpoints does not send it. */
  health: z.optional(deliveryHealthSchema),
});
export type Integration = z.infer<typeof integrationSchema>;

export const integrationListSchema = z.array(integrationSchema);

/** Property values keyed by the spec's `map_to`; which ones are allowed is decided by the spec. */
const propertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown())]);

export const createIntegrationRequestSchema = z.catchall(
  z.object({ type: z.string().check(z.minLength(1)) }),
  propertyValueSchema,
);
export type CreateIntegrationRequest = z.infer<typeof createIntegrationRequestSchema>;

/** All properties optional; a secret left out keeps the stored value. */
export const updateIntegrationRequestSchema = z.record(z.string(), propertyValueSchema);
export type UpdateIntegrationRequest = z.infer<typeof updateIntegrationRequestSchema>;

export const channelListSchema = z.array(z.looseObject({ id: z.string(), name: z.string() }));
