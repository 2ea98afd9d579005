import type { Control, UseFormRegister } from 'react-hook-form';
import type { NormalizedProperty, SpecFormValues } from './types';

/** What the registry hands every widget. `id` is the input's DOM id (idPrefix + field). */
export interface WidgetProps {
  property: NormalizedProperty;
  control: Control<SpecFormValues>;
  register: UseFormRegister<SpecFormValues>;
  disabled?: boolean;
  id: string;
}
