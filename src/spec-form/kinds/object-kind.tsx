import { jsonObjectError, keyValueToObject, parseJsonObject, rowSummary, toKeyValueValue } from '../key-value-codec';
import { KeyValueField } from '../key-value-field';
import type { NormalizedProperty } from '../types';
import type { WidgetProps } from '../widget-props';
import { omit, type Issue, type KindRecord } from './kind-record';

function ObjectWidget({ property, control, disabled, id }: WidgetProps) {
  return <KeyValueField property={property} control={control} disabled={disabled} id={id} />;
}

function checkObject(property: NormalizedProperty, value: unknown): Issue[] {
  const { rows, jsonText } = toKeyValueValue(value);
  if (jsonText !== null) {
    const parsed = parseJsonObject(jsonText);
    if (parsed.ok) {
      return property.required && Object.keys(parsed.value).length === 0
        ? [{ message: `${property.title} needs at least one entry` }]
        : [];
    }
    return [
      {
        message:
          parsed.reason === 'syntax'
            ? `${property.title} is not valid JSON. ${jsonObjectError(property.title)}`
            : jsonObjectError(property.title),
      },
    ];
  }
  const issues: Issue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '') {
      issues.push({ message: 'Key is required', path: ['rows', index, 'key'] });
    } else if (seen.has(key)) {
      issues.push({ message: `Duplicate key "${key}"`, path: ['rows', index, 'key'] });
    }
    seen.add(key);
  });
  if (property.required && rows.length === 0) issues.push({ message: `${property.title} needs at least one entry` });
  // react-hook-form only reports a field's nested (row) errors while typing when the field itself carries an error
  // too, so a summary goes first, on the field.
  if (issues.some((issue) => issue.path)) issues.unshift({ message: rowSummary });
  return issues;
}

/** object: key/value rows (or raw JSON text) in the form, a plain object in the body. */
export const objectKind: KindRecord = {
  Widget: ObjectWidget,
  initial: (_property, source) => toKeyValueValue(source),
  schema: checkObject,
  toPayload: (_property, value) => keyValueToObject(value) ?? omit,
};
