import { z } from './zod';

/**
 * A property of an integration or action-notification specification. The client parses specs
 * loosely (unknown keys kept, unknown `type`s allowed) because a real deployment may add fields
 * or types this console has never seen; the form engine renders a safe fallback for them.
 */
export const specPropertySchema = z.looseObject({
  field: z.string(),
  map_to: z.string().optional(),
  type: z.string(),
  title: z.string().optional(),
  required: z.boolean().optional(),
  secret: z.boolean().optional(),
  placeholder: z.string().optional(),
  info: z.string().optional(),
  info_md: z.string().optional(),
  default: z.unknown().optional(),
  values: z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number()]) })).optional(),
  group: z.object({ name: z.string(), outline: z.boolean().optional() }).optional(),
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
