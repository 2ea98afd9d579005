import type { SpecProperty } from '../api/contract';
import { kindRecords } from './kinds';
import { normalizeProperties } from './normalize-properties';
import type { SpecFormOptions, SpecFormValues } from './types';

/**
 * The form's starting values: the stored value (`options.current`) when there is one, else the spec's `default`,
 * else blank, each shaped by its kind's `initial` (enums hold the option value as a string, numbers their text,
 * objects rows, secrets a `SecretValue` that is Configured in edit mode when the server says one is stored).
 */
export function buildDefaultValues(
  properties: readonly SpecProperty[] | unknown,
  options: SpecFormOptions,
): SpecFormValues {
  const values: SpecFormValues = {};
  const current = options.current;
  for (const property of normalizeProperties(properties)) {
    // Own properties only: a field named like an Object.prototype member must not read that member.
    const stored = current && Object.hasOwn(current, property.field) ? current[property.field] : undefined;
    const source = stored !== undefined ? stored : property.default;
    values[property.name] = kindRecords[property.kind].initial(property, source, options);
  }
  return values;
}
