import type { z } from '../api/contract/zod';

/**
 * An unsaved edit kept in this tab's sessionStorage under `keyOf(id)`, so a reload or a failed refresh cannot lose
 * it. Read back through `schema`: a stored value this version cannot read is no draft, never a crash. Storage that
 * is full or disabled only means the edit will not survive a reload.
 */
export function sessionDraft<S extends z.ZodMiniType, Id>(schema: S, keyOf: (id: Id) => string) {
  return {
    load(id: Id): z.infer<S> | null {
      try {
        const text = sessionStorage.getItem(keyOf(id));
        if (!text) return null;
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? (parsed.data as z.infer<S>) : null;
      } catch {
        return null;
      }
    },
    save(id: Id, draft: z.input<S>): void {
      try {
        sessionStorage.setItem(keyOf(id), JSON.stringify(draft));
      } catch {
        // Full or disabled: the edit still works, it just will not survive a reload.
      }
    },
    clear(id: Id): void {
      try {
        sessionStorage.removeItem(keyOf(id));
      } catch {
        // Nothing to clear.
      }
    },
  };
}
