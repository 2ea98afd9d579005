import { z } from '../api/contract/zod';
import type { SpecProperty } from '../api/contract';
import { kindRecords, type Issue } from './kinds';
import { normalizeProperties } from './normalize-properties';
import type { NormalizedProperty, SpecFormOptions } from './types';

/** Validates one field's form value; exported so a widget can check a single field without the whole schema. */
export function validateField(property: NormalizedProperty, value: unknown): Issue[] {
  return kindRecords[property.kind].schema(property, value);
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
