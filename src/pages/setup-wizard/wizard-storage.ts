import { z } from '../../api/contract/zod';
import { triggerTypeSchema } from '../../api/contract';
import { actionDraftSchema } from '../../features/flow-actions';
import { sessionDraft } from '../../shared/session-draft';

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
  action: actionDraftSchema,
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

const drafts = sessionDraft(wizardDraftSchema, (type: string) => `qualytics.setup-wizard.${type}`);

export const loadDraft = drafts.load;
export const saveDraft = drafts.save;
export const clearDraft = drafts.clear;

export function parseStep(value: string | null): WizardStep {
  return wizardSteps.find((s) => s === value) ?? 'connect';
}
