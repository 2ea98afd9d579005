import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import type { ChangeEvent, ReactNode, Ref } from 'react';
import { FieldFrame, type FieldFrameProps } from './outlined-field';

export interface NativeSelectFieldProps extends FieldFrameProps {
  name?: string;
  value: string | number;
  onChange(event: ChangeEvent<HTMLSelectElement>): void;
  onBlur?(): void;
  inputRef?: Ref<HTMLSelectElement>;
  /** `<option>` elements. */
  children: ReactNode;
}

/**
 * An outlined native select: phones show their own picker, the keyboard and screen readers know it, and it
 * costs none of the Menu/Popover/Modal code a menu-based select brings.
 */
export function NativeSelectField({
  name,
  value,
  onChange,
  onBlur,
  inputRef,
  children,
  ...frame
}: NativeSelectFieldProps) {
  return (
    <FieldFrame
      frame={frame}
      shrinkLabel
      control={(ids) => (
        <NativeSelect
          id={ids.id}
          name={name}
          value={value}
          onChange={onChange}
          onBlur={() => onBlur?.()}
          inputRef={inputRef}
          aria-describedby={ids.helperId}
          input={<OutlinedInput label={frame.label} notched />}
        >
          {children}
        </NativeSelect>
      )}
    />
  );
}
