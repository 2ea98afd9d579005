import type { MessageToken, SpecProperty, TriggerType } from '../../api/contract';
import type { SpecFormValues } from '../../spec-form';
import { toActionInput, keyChoice, resolveSeverity } from './action-form';
import { buildEventPreview, type EventPreview, type EventPreviewInput } from './build-event-preview';

export interface EditorContext {
  triggerType: TriggerType;
  /** Tokens valid for the trigger type. */
  tokens: readonly MessageToken[];
  /** Tokens of every trigger (sample values the platform adds whatever the trigger). */
  allTokens?: readonly MessageToken[];
  flowName?: string;
  flowId?: number;
}

export function previewInput(
  properties: readonly SpecProperty[],
  values: SpecFormValues,
  context: EditorContext,
  origin: string,
): EventPreviewInput {
  const action = toActionInput(properties, values);
  const key = keyChoice(values.routing_key);
  const details = action.parameters.custom_details;
  return {
    message: action.tokenized_message,
    severity: resolveSeverity(properties, action.parameters.severity),
    customDetails: details ?? {},
    triggerType: context.triggerType,
    tokens: context.tokens,
    allTokens: context.allTokens,
    flowName: context.flowName,
    flowId: context.flowId,
    keySource: key.source,
    overrideLast4: key.last4,
    origin,
  };
}

/** The preview of the form as it is now, e.g. to refuse a save that breaks PagerDuty's limits. */
export function previewOf(
  properties: readonly SpecProperty[],
  values: SpecFormValues,
  context: EditorContext,
): EventPreview {
  return buildEventPreview(previewInput(properties, values, context, window.location.origin));
}
