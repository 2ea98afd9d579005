import { requestPaths, writeAtPath, type SpecProperty } from '../api/contract';
import { kindRecords, omit } from './kinds';
import { normalizeProperties } from './normalize-properties';
import type { SpecFormValues } from './types';

/** react-hook-form's dirtyFields mark a nested value with an object/array of flags; any true flag means dirty. */
function isDirtyMark(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(isDirtyMark);
  if (typeof mark === 'object' && mark !== null) return Object.values(mark).some(isDirtyMark);
  return false;
}

/**
 * The request body for a spec's form values, placed by the contract's rule (`requestPaths`): a property goes under
 * its `map_to` (or its field), and properties sharing a `map_to` nest under it by field (`parameters.routing_key`).
 * What each kind sends is its record's `toPayload`:
 *
 * - Secrets: Configured -> omitted (the stored one is kept), a typed value -> the string, Cleared -> `null`,
 *   blank -> omitted.
 * - Objects: the rows as a plain object; a row value that is valid JSON is sent as that JSON (see `parseRowValue`).
 * - Enums: the option's own value (a number stays a number). Numbers: parsed; blank -> omitted (`null` when
 *   clearing in an update).
 * - `onlyDirty` (react-hook-form's `formState.dirtyFields`): only the fields the user changed.
 */
export function toPayload(
  properties: readonly SpecProperty[] | unknown,
  values: SpecFormValues,
  options?: { onlyDirty?: Partial<Record<string, unknown>> },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const dirty = options?.onlyDirty;
  const normalized = normalizeProperties(properties);
  // Over the whole spec, not the dirty part: whether a key is shared is a property of the spec.
  const paths = requestPaths(normalized);
  for (const property of normalized) {
    if (dirty && !(Object.hasOwn(dirty, property.name) && isDirtyMark(dirty[property.name]))) continue;
    // A field the values do not hold at all (not rendered, not reset into the form) is not the user's to send.
    if (!Object.hasOwn(values, property.name) || values[property.name] === undefined) continue;
    const value = kindRecords[property.kind].toPayload(property, values[property.name], {
      update: dirty !== undefined,
    });
    const path = paths.get(property);
    if (value === omit || !path) continue;
    writeAtPath(body, path, value);
  }
  return body;
}
