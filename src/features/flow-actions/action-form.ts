import { z } from '../../api/contract/zod';
import {
  severitySchema,
  testFingerprint,
  type KeySource,
  type PagerDutyAction,
  type PagerDutyActionInput,
  type Severity,
  type SpecProperty,
  type TestNotificationRequest,
  type TriggerType,
} from '../../api/contract';
import { toPayload, toSecretValue, useSpecForm, type SpecFormValues } from '../../spec-form';

/** The Message is not in the spec: the editor adds it next to the spec's properties. */
const messageSchema = z.object({
  tokenized_message: z.string().check(
    z.refine((text) => text.trim() !== '', 'Message is required: it becomes the incident title'),
    z.refine((text) => text.length <= 4096, 'Message is at most 4096 characters'),
  ),
});

/** Non-secret values of an unsaved action, e.g. restored after a reload of the setup wizard. */
export interface ActionDraft {
  tokenized_message: string;
  severity: unknown;
  custom_details: unknown;
}

/** The action editor's form: a stored action (edit mode, override Configured), a draft, or a blank new action. */
export function useActionForm(properties: readonly SpecProperty[], action?: PagerDutyAction, draft?: ActionDraft) {
  return useSpecForm(properties, {
    mode: action ? 'edit' : 'create',
    current: action
      ? { severity: action.parameters.severity, custom_details: action.parameters.custom_details }
      : draft
        ? { severity: draft.severity, custom_details: draft.custom_details }
        : {},
    configuredSecrets: action?.parameters.routing_key_configured ? ['routing_key'] : [],
    extraSchema: messageSchema,
    extraDefaults: { tokenized_message: action?.tokenized_message ?? draft?.tokenized_message ?? '' },
  });
}

/** What of the form may be kept in sessionStorage: everything but the routing key. */
export function toDraft(values: SpecFormValues): ActionDraft {
  return {
    tokenized_message: typeof values.tokenized_message === 'string' ? values.tokenized_message : '',
    severity: values.severity,
    custom_details: values.custom_details,
  };
}

function parameters(properties: readonly SpecProperty[], values: SpecFormValues): Record<string, unknown> {
  const body = toPayload(properties, values);
  const nested = body.parameters;
  return typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : {};
}

const message = (values: SpecFormValues) =>
  typeof values.tokenized_message === 'string' ? values.tokenized_message : '';

/** The action as PUT in the flow's `actions`: the override only when replaced (string) or cleared (null). */
export function toActionInput(
  properties: readonly SpecProperty[],
  values: SpecFormValues,
  id?: number,
): PagerDutyActionInput {
  return {
    ...(id ? { id } : {}),
    type: 'PagerDuty',
    tokenized_message: message(values),
    parameters: parameters(properties, values) as PagerDutyActionInput['parameters'],
  };
}

/** A stored action as PUT sends it back: its id keeps the stored override, which is never resent. */
export const keepAction = (action: PagerDutyAction): PagerDutyActionInput => ({
  id: action.id,
  type: 'PagerDuty',
  tokenized_message: action.tokenized_message,
  parameters: { severity: action.parameters.severity, custom_details: action.parameters.custom_details },
});

export interface TestContext {
  flowId?: number;
  actionId?: number;
  triggerType: TriggerType;
  flowName?: string;
}

/** The form as it is now, saved or not, as a test request; the server uses the stored override when none is sent. */
export function toTestRequest(
  properties: readonly SpecProperty[],
  values: SpecFormValues,
  context: TestContext,
): TestNotificationRequest {
  const action = toActionInput(properties, values);
  return {
    type: 'PagerDuty',
    tokenized_message: action.tokenized_message,
    parameters: action.parameters,
    trigger_type: context.triggerType,
    ...(context.flowId ? { flow_id: context.flowId } : {}),
    ...(context.flowId && context.actionId ? { action_id: context.actionId } : {}),
    ...(context.flowName ? { flow_name: context.flowName.slice(0, 200) } : {}),
  };
}

export interface KeyChoice {
  source: KeySource;
  /** Last four characters of an override being typed; a stored key never reaches the browser. */
  last4?: string;
  /** The override differs from what is stored (typed or cleared). */
  changed: boolean;
}

/** Which routing key a send would use, from the override field's state. */
export function keyChoice(value: unknown): KeyChoice {
  const secret = toSecretValue(value);
  const typed = secret.value.trim();
  switch (secret.state) {
    case 'configured':
      return { source: 'override', changed: false };
    case 'cleared':
      return { source: 'integration', changed: true };
    case 'replacing':
      return typed
        ? { source: 'override', last4: typed.slice(-4), changed: true }
        : { source: 'override', changed: false };
    default:
      return typed
        ? { source: 'override', last4: typed.slice(-4), changed: true }
        : { source: 'integration', changed: false };
  }
}

/** The severity a send would use: the chosen one, else the spec's default, else info. */
export function resolveSeverity(properties: readonly SpecProperty[], value: unknown): Severity {
  const chosen = severitySchema.safeParse(value);
  if (chosen.success) return chosen.data;
  const fallback = severitySchema.safeParse(properties.find((p) => p.field === 'severity')?.default);
  return fallback.success ? fallback.data : 'info';
}

/** What the server stores as a test's fingerprint, computed from the form as it is now. */
export function currentFingerprint(properties: readonly SpecProperty[], values: SpecFormValues): string {
  const params = parameters(properties, values);
  const details = params.custom_details;
  return testFingerprint({
    tokenized_message: message(values),
    severity: resolveSeverity(properties, params.severity),
    custom_details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
    key_source: keyChoice(values.routing_key).source,
  });
}
