import { z } from '../../api/contract/zod';
import type { ActionDraft } from './action-form';

/**
 * An unsaved edit of one flow's action, kept in this tab until it is saved or discarded, so a reload or a
 * failed refresh cannot lose it. Never the routing key: only whether one had been typed, so the user can be
 * asked to type it again.
 */
const storedDraftSchema = z.object({
  /** The action being edited; null for a new one. */
  actionId: z.nullable(z.int().check(z.positive())),
  action: z.object({ tokenized_message: z.string(), severity: z.unknown(), custom_details: z.unknown() }),
  overrideTyped: z.boolean(),
});
export type StoredActionDraft = z.infer<typeof storedDraftSchema>;

const storageKey = (flowId: number) => `qualytics.action-draft.flow-${flowId}`;

export function loadActionDraft(flowId: number): StoredActionDraft | null {
  try {
    const text = sessionStorage.getItem(storageKey(flowId));
    if (!text) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveActionDraft(
  flowId: number,
  draft: { actionId: number | null; action: ActionDraft; overrideTyped: boolean },
) {
  try {
    sessionStorage.setItem(storageKey(flowId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the edit still works, it just will not survive a reload.
  }
}

export function clearActionDraft(flowId: number): void {
  try {
    sessionStorage.removeItem(storageKey(flowId));
  } catch {
    // Nothing to clear.
  }
}
