export { OutlinedField, type OutlinedFieldProps, type FieldFrameProps } from './outlined-field';
export { NativeSelectField, type NativeSelectFieldProps } from './native-select-field';
