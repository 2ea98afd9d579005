import { z } from '../api/contract/zod';
import type { SpecProperty } from '../api/contract';
import { findOption, parseNumberText, toSecretValue, toText } from './field-values';
import { jsonObjectError, parseJsonObject, toKeyValueValue } from './key-value-codec';
import { normalizeProperties } from './normalize-properties';
import type { NormalizedProperty, SpecFormOptions } from './types';

type Issue = { message: string; path?: (string | number)[] };

function requiredMessage(property: NormalizedProperty): string {
  return `${property.title} is required`;
}

function checkText(property: NormalizedProperty, value: unknown): Issue[] {
  return property.required && toText(value).trim() === '' ? [{ message: requiredMessage(property) }] : [];
}

function checkNumber(property: NormalizedProperty, value: unknown): Issue[] {
  const parsed = parseNumberText(toText(value));
  if (parsed === null) return property.required ? [{ message: requiredMessage(property) }] : [];
  if (!Number.isFinite(parsed)) return [{ message: `${property.title} must be a number` }];
  if (property.kind === 'integer' && !Number.isInteger(parsed)) {
    return [{ message: `${property.title} must be a whole number` }];
  }
  return [];
}

function checkEnum(property: NormalizedProperty, value: unknown): Issue[] {
  if (toText(value) === '') return property.required ? [{ message: requiredMessage(property) }] : [];
  return findOption(property, value) ? [] : [{ message: `Choose one of the listed options for ${property.title}` }];
}

function checkSecret(property: NormalizedProperty, value: unknown): Issue[] {
  const secret = toSecretValue(value);
  if (!property.required) return [];
  if (secret.state === 'cleared') return [{ message: requiredMessage(property) }];
  if (secret.state !== 'configured' && secret.value.trim() === '') return [{ message: requiredMessage(property) }];
  return [];
}

/** Shown under a key/value field whose rows have key problems; each row also gets its own message. */
export const rowSummary = 'Every key must be filled in and unique';

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

const checks: Record<NormalizedProperty['kind'], (property: NormalizedProperty, value: unknown) => Issue[]> = {
  string: checkText,
  unknown: checkText,
  secret: checkSecret,
  enum: checkEnum,
  boolean: () => [],
  integer: checkNumber,
  number: checkNumber,
  object: checkObject,
};

/** Validates one field's form value; exported so a widget can check a single field without the whole schema. */
export function validateField(property: NormalizedProperty, value: unknown): Issue[] {
  return checks[property.kind](property, value);
}

function fieldSchema(property: NormalizedProperty) {
  // z.unknown + a check (instead of z.string() etc.) so a value of an unexpected shape becomes a field message,
  // never a zod "expected string" error or an exception.
  return z.unknown().check(
    z.superRefine((value, ctx) => {
      for (const issue of validateField(property, value)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path ?? [] });
      }
    }),
  );
}

/**
 * The zod schema of a spec's form values, keyed by field (`NormalizedProperty.name`). Messages use the field's title ("Routing Key is
 * required"); key/value row issues point at the row (`[field, 'rows', i, 'key']`). `options` is accepted for
 * symmetry with the defaults: the rules do not depend on create or edit, because a Configured secret already
 * satisfies `required` through its state.
 */
export function buildSpecSchema(properties: readonly SpecProperty[] | unknown, _options?: SpecFormOptions) {
  const shape: Record<string, ReturnType<typeof fieldSchema>> = {};
  for (const property of normalizeProperties(properties)) shape[property.name] = fieldSchema(property);
  return z.object(shape);
}
