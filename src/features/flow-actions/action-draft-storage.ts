import { z } from '../../api/contract/zod';
import { sessionDraft } from '../../shared/session-draft';
import type { ActionDraft } from './action-form';

/** The action's fields as a draft holds them (the wizard's draft too); a draft never holds the routing key. */
export const actionDraftSchema = z.object({
  tokenized_message: z.string(),
  severity: z.unknown(),
  custom_details: z.unknown(),
});

/**
 * An unsaved edit of one flow's action, kept in this tab until it is saved or discarded, so a reload or a
 * failed refresh cannot lose it. Never the routing key: only whether one had been typed, so the user can be
 * asked to type it again.
 */
const storedDraftSchema = z.object({
  /** The action being edited; null for a new one. */
  actionId: z.nullable(z.int().check(z.positive())),
  action: actionDraftSchema,
  overrideTyped: z.boolean(),
});
export type StoredActionDraft = z.infer<typeof storedDraftSchema>;

const drafts = sessionDraft(storedDraftSchema, (flowId: number) => `qualytics.action-draft.flow-${flowId}`);

export const loadActionDraft = drafts.load;
export const saveActionDraft = (
  flowId: number,
  draft: { actionId: number | null; action: ActionDraft; overrideTyped: boolean },
) => drafts.save(flowId, draft);
export const clearActionDraft = drafts.clear;
