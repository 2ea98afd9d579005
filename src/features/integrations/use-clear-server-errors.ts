import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { SpecFormValues } from '../../spec-form';

/**
 * A server's verdict is about the value it saw: once the user edits that field, the message goes. Waiting for
 * blur instead made the message vanish on the press of Create, moving the button away from under the pointer.
 */
export function useClearServerErrorsOnEdit(form: UseFormReturn<SpecFormValues>) {
  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      if (name && form.getFieldState(name).error?.type === 'server') form.clearErrors(name);
    });
    return () => subscription.unsubscribe();
  }, [form]);
}
