import type { Ref } from 'react';
import { triggerTypeLabels, triggerTypeSchema, type TriggerType } from '../../api/contract';
import { NativeSelectField } from '../../shared/fields';

export interface TriggerTypeSelectProps {
  value: TriggerType;
  onChange(value: TriggerType): void;
  onBlur?(): void;
  inputRef?: Ref<HTMLSelectElement>;
  error?: string;
  disabled?: boolean;
  id: string;
}

export function TriggerTypeSelect({ value, onChange, onBlur, inputRef, error, disabled, id }: TriggerTypeSelectProps) {
  return (
    <NativeSelectField
      id={id}
      label="Trigger type"
      value={value}
      onChange={(e) => onChange(triggerTypeSchema.parse(e.target.value))}
      onBlur={onBlur}
      inputRef={inputRef}
      error={Boolean(error)}
      helperText={error ?? 'What starts the flow; it decides which message tokens exist.'}
      disabled={disabled}
      fullWidth
    >
      {triggerTypeSchema.options.map((type) => (
        <option key={type} value={type}>
          {triggerTypeLabels[type]}
        </option>
      ))}
    </NativeSelectField>
  );
}
