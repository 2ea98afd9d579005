import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type { z } from '../api/contract/zod';
import { validateField } from './build-spec-schema';
import type { NormalizedProperty, SpecFormValues } from './types';

type Issue = ReturnType<typeof validateField>[number];

/** The error react-hook-form expects for one field: the first field-level message, row messages nested below it. */
function toFieldError(issues: Issue[]): FieldError | undefined {
  if (issues.length === 0) return undefined;
  const root = issues.find((issue) => !issue.path || issue.path.length === 0);
  const error: Record<string | number, unknown> = root ? { type: 'custom', message: root.message } : {};
  for (const { path, message } of issues) {
    if (!path || path.length === 0) continue;
    let node: Record<string | number, unknown> = error;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] ??= { type: 'custom', message };
        return;
      }
      node[segment] ??= typeof path[index + 1] === 'number' ? [] : {};
      node = node[segment] as Record<string | number, unknown>;
    });
  }
  return error as unknown as FieldError;
}

/**
 * A resolver with the same rules as `buildSpecSchema`, that validates only the fields react-hook-form asks for.
 * With onTouched mode every keystroke in a touched field validates that field; running the whole zod schema there
 * costs milliseconds per keystroke on a 500-property spec, checking one field costs microseconds. Fields that are
 * not in the spec (e.g. `tokenized_message`) are validated by `extraSchema`.
 */
export function createSpecResolver(
  properties: readonly NormalizedProperty[],
  extraSchema?: z.ZodMiniObject,
): Resolver<SpecFormValues> {
  const byName = new Map(properties.map((property) => [property.name, property]));
  const extraResolver = extraSchema
    ? (zodResolver(extraSchema, undefined, { raw: true }) as unknown as Resolver<SpecFormValues>)
    : undefined;

  return async (values, context, options) => {
    // react-hook-form asks for one name when a field changes or blurs; for a submit or a full trigger() it passes
    // every mounted name, and then everything is checked, mounted or not, as the zod schema would.
    const single = options.names?.length === 1 ? options.names[0] : undefined;
    const wanted = single === undefined ? undefined : new Set([single.split('.')[0] ?? single]);
    const errors: Record<string, FieldError> = {};
    for (const property of properties) {
      if (wanted && !wanted.has(property.name)) continue;
      const error = toFieldError(validateField(property, values[property.name]));
      if (error) errors[property.name] = error;
    }
    const wantsExtra = !wanted || [...wanted].some((name) => !byName.has(name));
    if (extraResolver && wantsExtra) {
      const extra = await extraResolver(values, context, options);
      Object.assign(errors, extra.errors);
    }
    return Object.keys(errors).length === 0
      ? { values, errors: {} }
      : { values: {}, errors: errors as FieldErrors<SpecFormValues> };
  };
}
