import { z } from './zod';

/**
 * A property of an integration or action-notification specification. The client parses specs
 * loosely (unknown keys kept, unknown `type`s allowed) because a real deployment may add fields
 * or types this console has never seen; the form engine renders a safe fallback for them.
 */
export const specPropertySchema = z.looseObject({
  field: z.string(),
  map_to: z.optional(z.string()),
  type: z.string(),
  title: z.optional(z.string()),
  required: z.optional(z.boolean()),
  secret: z.optional(z.boolean()),
  placeholder: z.optional(z.string()),
  info: z.optional(z.string()),
  info_md: z.optional(z.string()),
  default: z.optional(z.unknown()),
  values: z.optional(z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number()]) }))),
  group: z.optional(z.object({ name: z.string(), outline: z.optional(z.boolean()) })),
});
export type SpecProperty = z.infer<typeof specPropertySchema>;

export const integrationSpecSchema = z.looseObject({
  label: z.string(),
  type: z.string(),
  implemented: z.boolean(),
  category: z.string(),
  properties: z.array(specPropertySchema),
});
export type IntegrationSpec = z.infer<typeof integrationSpecSchema>;

export const integrationSpecListSchema = z.array(integrationSpecSchema);

export const actionNotificationSpecSchema = z.looseObject({
  display_name: z.string(),
  type: z.string(),
  properties: z.array(specPropertySchema),
});
export type ActionNotificationSpec = z.infer<typeof actionNotificationSpecSchema>;

export const actionNotificationSpecListSchema = z.array(actionNotificationSpecSchema);
