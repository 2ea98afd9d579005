import { useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import type { PagerDutyAction, SpecProperty } from '../../api/contract';
import { applyServerErrors, type SpecFormValues } from '../../spec-form';
import {
  currentFingerprint,
  keyChoice,
  toTestRequest,
  useActionForm,
  type ActionDraft,
  type TestContext,
} from './action-form';
import { previewOf, type EditorContext } from './preview-input';
import { explainKeyIssues } from '../../integrations';

export interface ActionEditorOptions {
  properties: readonly SpecProperty[];
  context: EditorContext & Pick<TestContext, 'actionId'>;
  /** The stored action being edited; undefined for a new one. */
  action?: PagerDutyAction;
  /** Starting values of a new action (they are its defaults: not "unsaved changes"). */
  initial?: ActionDraft;
  /** Unsaved changes to put back over the defaults once (they make the form dirty, as they were). */
  restore?: ActionDraft | null;
}

/**
 * Everything the flow page's action panel and the setup wizard share about editing one PagerDuty action: the
 * form, PagerDuty's limits, the test request and where a refused save's issues go.
 */
export function useActionEditor({ properties, context, action, initial, restore }: ActionEditorOptions) {
  const form = useActionForm(properties, action, initial);
  const values = useWatch({ control: form.control }) as SpecFormValues;
  const restored = useRef(false);
  useEffect(() => {
    if (!restore || restored.current) return;
    restored.current = true;
    for (const [name, value] of Object.entries(restore)) {
      if (value !== undefined) form.setValue(name, value, { shouldDirty: true });
    }
  }, [form, restore]);

  const limitsOk = (v: SpecFormValues) => previewOf(properties, v, context).problems.length === 0;

  /** The form as a test request, or null (and the problems shown) when it is not fit to send. */
  const prepareTest = async () => {
    if (!(await form.trigger())) return null;
    const current = form.getValues();
    if (!limitsOk(current)) return null;
    return toTestRequest(properties, current, context);
  };

  /**
   * Puts a refused save's issues about this action (its `index` in the saved list; undefined = every issue)
   * on its fields; returns what is left to say above the form, or null. A conflict is the conflict dialog's.
   */
  const applySaveError = (error: unknown, index?: number): string | null => {
    if (!isApiError(error)) return 'The action could not be saved. Your changes are kept; please try again.';
    if (error.kind === 'conflict') return null;
    // Only the issues about this action go onto its fields; a refused key is explained, not shown raw.
    const mine = explainKeyIssues(
      error.fieldErrors.filter((i) => index === undefined || i.loc[2] === undefined || i.loc[2] === index),
    );
    const messageIssues = mine.filter((i) => i.loc.at(-1) === 'tokenized_message');
    for (const issue of messageIssues) form.setError('tokenized_message', { type: 'server', message: issue.msg });
    const rest = applyServerErrors(
      properties,
      mine.filter((i) => !messageIssues.includes(i)),
      form.setError,
    );
    if (rest.length > 0 || error.fieldErrors.length === 0) return rest.join(' ') || error.detail;
    return null;
  };

  return {
    form,
    values,
    key: keyChoice(values.routing_key),
    fingerprint: currentFingerprint(properties, values),
    limitsOk,
    prepareTest,
    applySaveError,
  };
}

export type ActionEditorState = ReturnType<typeof useActionEditor>;
