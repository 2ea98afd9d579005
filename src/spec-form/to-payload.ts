import type { SpecProperty } from '../api/contract';
import { findOption, parseNumberText, toBoolean, toSecretValue, toText } from './field-values';
import { keyValueToObject } from './key-value-codec';
import { normalizeProperties, parentKeyOf } from './normalize-properties';
import type { NormalizedProperty, SpecFormValues } from './types';

const omit = Symbol('omit');

/** An own, enumerable property even for keys like `__proto__`, which plain assignment would turn into a prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** react-hook-form's dirtyFields mark a nested value with an object/array of flags; any true flag means dirty. */
function isDirtyMark(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(isDirtyMark);
  if (typeof mark === 'object' && mark !== null) return Object.values(mark).some(isDirtyMark);
  return false;
}

function payloadValue(property: NormalizedProperty, value: unknown, onlyDirty: boolean): unknown {
  switch (property.kind) {
    case 'secret': {
      const secret = toSecretValue(value);
      if (secret.state === 'configured') return omit;
      if (secret.state === 'cleared') return null;
      // A blank box never erases anything: only a typed key is sent, trimmed because pasted keys carry whitespace.
      const typed = secret.value.trim();
      return typed === '' ? omit : typed;
    }
    case 'boolean':
      return toBoolean(value);
    case 'enum': {
      const option = findOption(property, value);
      return option ? option.value : omit;
    }
    case 'integer':
    case 'number': {
      const parsed = parseNumberText(toText(value));
      if (parsed === null) return onlyDirty ? null : omit;
      return Number.isFinite(parsed) ? parsed : omit;
    }
    case 'object':
      return keyValueToObject(value) ?? omit;
    default: {
      const text = toText(value);
      // In an update, emptying a field is a change the server must hear about; in a create, blank means "not set".
      return text === '' && !onlyDirty ? omit : text;
    }
  }
}

/**
 * The request body for a spec's form values. A field goes at the top level when `map_to` is missing or equals the
 * field, otherwise under `body[map_to][field]` (e.g. `parameters.routing_key`).
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
  for (const property of normalizeProperties(properties)) {
    if (dirty && !(Object.hasOwn(dirty, property.name) && isDirtyMark(dirty[property.name]))) continue;
    // A field the values do not hold at all (not rendered, not reset into the form) is not the user's to send.
    if (!Object.hasOwn(values, property.name) || values[property.name] === undefined) continue;
    const value = payloadValue(property, values[property.name], dirty !== undefined);
    if (value === omit) continue;
    const parent = parentKeyOf(property);
    if (!parent) {
      setOwn(body, property.field, value);
      continue;
    }
    const existing = Object.hasOwn(body, parent) ? body[parent] : undefined;
    const nested =
      typeof existing === 'object' && existing !== null && !Array.isArray(existing)
        ? (existing as Record<string, unknown>)
        : {};
    setOwn(nested, property.field, value);
    setOwn(body, parent, nested);
  }
  return body;
}
