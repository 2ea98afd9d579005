import { z } from '../../api/contract/zod';
import { triggerTypeSchema } from '../../api/contract';

export const wizardSteps = ['connect', 'notification', 'test', 'done'] as const;
export type WizardStep = (typeof wizardSteps)[number];
export const stepLabels: Record<WizardStep, string> = {
  connect: 'Connect',
  notification: 'Notification',
  test: 'Send test',
  done: 'Done',
};

export const flowChoiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('existing'), flowId: z.nullable(z.int().check(z.positive())) }),
  z.object({ mode: z.literal('new'), name: z.string(), trigger_type: triggerTypeSchema }),
]);
export type FlowChoice = z.infer<typeof flowChoiceSchema>;

/**
 * What survives a reload of the wizard. Never a routing key: only whether one had been typed, so the user can be
 * told to type it again.
 */
const wizardDraftSchema = z.object({
  flowChoice: flowChoiceSchema,
  action: z.object({ tokenized_message: z.string(), severity: z.unknown(), custom_details: z.unknown() }),
  overrideTyped: z.boolean(),
  /** The last test in this wizard and the settings it was sent with (`testFingerprint`). */
  lastTest: z.nullable(
    z.object({
      outcome: z.enum(['delivered', 'failed']),
      fingerprint: z.string(),
      /** The server's record of the delivered test: the save names it (so the saved action shows it as its last
       * test) and Done resolves the incident it opened. */
      deliveryId: z.optional(z.int()),
    }),
  ),
  saved: z.nullable(z.object({ flowId: z.number(), flowName: z.string() })),
});
export type WizardDraft = z.infer<typeof wizardDraftSchema>;

export const emptyDraft: WizardDraft = {
  flowChoice: { mode: 'new', name: '', trigger_type: 'anomaly' },
  action: { tokenized_message: '', severity: undefined, custom_details: undefined },
  overrideTyped: false,
  lastTest: null,
  saved: null,
};

const storageKey = (type: string) => `qualytics.setup-wizard.${type}`;

export function loadDraft(type: string): WizardDraft | null {
  try {
    const text = sessionStorage.getItem(storageKey(type));
    if (!text) return null;
    const parsed = wizardDraftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveDraft(type: string, draft: WizardDraft): void {
  try {
    sessionStorage.setItem(storageKey(type), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the wizard still works, it just will not survive a reload.
  }
}

export function clearDraft(type: string): void {
  try {
    sessionStorage.removeItem(storageKey(type));
  } catch {
    // Nothing to clear.
  }
}

export function parseStep(value: string | null): WizardStep {
  return wizardSteps.find((s) => s === value) ?? 'connect';
}
