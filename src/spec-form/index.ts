/**
 * The form-from-spec engine: a spec's `properties` become a react-hook-form form with a zod schema, default values,
 * widgets from one record per kind (`kinds/`, overridable per kind or per field), and a request body. Typical use:
 *
 *   const form = useSpecForm(spec.properties, { mode: 'edit', current, configuredSecrets });
 *   <form onSubmit={form.handleSubmit((values) => save(toPayload(spec.properties, values,
 *       { onlyDirty: form.formState.dirtyFields })))}>
 *     <SpecFields properties={spec.properties} form={form} idPrefix="integration-" />
 *   </form>
 *   // on a 422/400 with a detail list: const rest = applyServerErrors(spec.properties, detail, form.setError);
 */
export type {
  FieldKind,
  KeyValueRow,
  KeyValueValue,
  NormalizedProperty,
  SecretValue,
  SpecFormOptions,
  SpecFormValues,
} from './types';
export { normalizeProperties } from './normalize-properties';
export { buildSpecSchema, validateField } from './build-spec-schema';
export { buildDefaultValues } from './build-default-values';
export { toPayload } from './to-payload';
export { applyServerErrors } from './apply-server-errors';
export { useSpecForm, type UseSpecFormOptions } from './use-spec-form';
export { SpecFields, type SpecFieldsProps, type WidgetOverrides } from './spec-fields';
export type { WidgetProps } from './widget-props';
export { kindRecords, type KindRecord } from './kinds';
export { FieldShell, describedBy, errorMessageOf } from './field-shell';
export { SecretField, type SecretFieldProps } from './secret-field';
export { KeyValueField, type KeyValueFieldProps } from './key-value-field';
export { MarkdownHelp } from './markdown-help';
export { formatRowValue, keyValueToObject, parseRowValue } from './key-value-codec';
export { toSecretValue } from './field-values';
