import FormControl from '@mui/material/FormControl';
import FormHelperText, { type FormHelperTextProps } from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import type { SxProps, Theme } from '@mui/material/styles';
import { useId, type ReactElement, type ReactNode } from 'react';

/** What a field's frame (label, outline, helper text) takes: the props TextField puts on its FormControl. */
export interface FieldFrameProps {
  id?: string;
  label: string;
  helperText?: ReactNode;
  /** Props of the helper text (its id, when something else must point at it). */
  helperTextProps?: Partial<FormHelperTextProps>;
  error?: boolean;
  required?: boolean;
  disabled?: boolean;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
  color?: 'primary' | 'warning';
  sx?: SxProps<Theme>;
}

export type OutlinedFieldProps = FieldFrameProps & Omit<OutlinedInputProps, keyof FieldFrameProps | 'label'>;

/** Label, control and helper text wired together (ids, aria-describedby) the way TextField wires them. */
export function FieldFrame({
  frame,
  shrinkLabel,
  control,
}: {
  frame: FieldFrameProps;
  /** Keeps the label above the box (a native select always shows a choice). */
  shrinkLabel?: boolean;
  control(ids: { id: string; helperId: string | undefined }): ReactElement;
}) {
  const { id: idProp, label, helperText, helperTextProps, ...formControl } = frame;
  const autoId = useId();
  const id = idProp ?? autoId;
  const helperId = helperText != null ? (helperTextProps?.id ?? `${id}-helper-text`) : undefined;
  return (
    <FormControl variant="outlined" {...formControl}>
      <InputLabel htmlFor={id} id={`${id}-label`} shrink={shrinkLabel || undefined}>
        {label}
      </InputLabel>
      {control({ id, helperId })}
      {helperText != null && (
        <FormHelperText {...helperTextProps} id={helperId}>
          {helperText}
        </FormHelperText>
      )}
    </FormControl>
  );
}

/**
 * An outlined text field, as MUI's TextField draws it, from its parts. TextField imports Select, and with it
 * Menu, Popover, MenuList and the filled and standard inputs, whether or not a form has a select: about 10 KB
 * gzip on every page with a text box. Selects here are native (`NativeSelectField`).
 */
export function OutlinedField({
  id,
  label,
  helperText,
  helperTextProps,
  error,
  required,
  disabled,
  fullWidth,
  size,
  color,
  sx,
  ...input
}: OutlinedFieldProps) {
  return (
    <FieldFrame
      frame={{ id, label, helperText, helperTextProps, error, required, disabled, fullWidth, size, color, sx }}
      control={(ids) => <OutlinedInput {...input} id={ids.id} label={label} aria-describedby={ids.helperId} />}
    />
  );
}
