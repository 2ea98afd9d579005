import { z } from './zod';
import { triggerTypeSchema } from './flows';

export const messageTokenSchema = z.object({
  name: z.string(),
  description: z.string(),
  /** The value a test notification and the editor's preview fill in. */
  sample: z.string(),
});
export type MessageToken = z.infer<typeof messageTokenSchema>;

export const triggerTokensSchema = z.object({
  trigger_type: triggerTypeSchema,
  label: z.string(),
  tokens: z.array(messageTokenSchema),
});
export type TriggerTokens = z.infer<typeof triggerTokensSchema>;

export const notificationTokensSchema = z.array(triggerTokensSchema);
