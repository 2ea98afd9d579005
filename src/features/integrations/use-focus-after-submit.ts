import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { SpecFormValues } from '../../spec-form';

/** Where focus goes once a save or connect has answered: its note, its alert, or the first field in error. */
export type FocusTarget = 'note' | 'alert' | 'field';

/**
 * The fields are disabled while a request runs, so focus can only move once they are enabled again (WCAG 2.4.3:
 * never to the page body). The form calls `focusAfter(target)` when the answer arrives; the move happens on the
 * first render that is no longer pending.
 */
export function useFocusAfterSubmit(
  pending: boolean,
  form: Pick<UseFormReturn<SpecFormValues>, 'formState' | 'setFocus'>,
) {
  const target = useRef<FocusTarget | null>(null);
  const [requested, setRequested] = useState(0);
  const noteRef = useRef<HTMLDivElement | null>(null);
  const errorRef = useRef<HTMLDivElement | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    const next = target.current;
    if (pending || next === null) return;
    target.current = null;
    if (next === 'note') noteRef.current?.focus();
    else if (next === 'alert') errorRef.current?.focus();
    else {
      // The first field in error as laid out, whatever widget it is; else whatever react-hook-form registered.
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      const named = Object.keys(form.formState.errors)[0];
      if (invalid) invalid.focus();
      else if (named) form.setFocus(named);
    }
  }, [pending, requested, form]);

  const focusAfter = (next: FocusTarget) => {
    target.current = next;
    setRequested((n) => n + 1);
  };
  return { focusAfter, noteRef, errorRef, formRef };
}
