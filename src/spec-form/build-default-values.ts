import type { SpecProperty } from '../api/contract';
import { findOption, parseNumberText, toBoolean, toText } from './field-values';
import { toKeyValueValue } from './key-value-codec';
import { normalizeProperties } from './normalize-properties';
import type { NormalizedProperty, SecretValue, SpecFormOptions, SpecFormValues } from './types';

function initialValue(property: NormalizedProperty, options: SpecFormOptions): unknown {
  if (property.kind === 'secret') {
    // Secrets are never prefilled, not even from `default` or `current`: only their stored/not-stored state is known.
    const configured = options.mode === 'edit' && (options.configuredSecrets ?? []).includes(property.field);
    return { state: configured ? 'configured' : 'empty', value: '' } satisfies SecretValue;
  }
  const current = options.current;
  // Own properties only: a field named like an Object.prototype member must not read that member.
  const stored = current && Object.hasOwn(current, property.field) ? current[property.field] : undefined;
  const source = stored !== undefined ? stored : property.default;
  switch (property.kind) {
    case 'boolean':
      return toBoolean(source);
    case 'enum': {
      // A stored value the spec no longer lists falls back to the spec's default rather than an invisible choice.
      const option = findOption(property, source) ?? findOption(property, property.default);
      return option ? String(option.value) : '';
    }
    case 'integer':
    case 'number': {
      const text = toText(source);
      return Number.isFinite(parseNumberText(text)) ? text.trim() : '';
    }
    case 'object':
      return toKeyValueValue(source);
    default:
      return toText(source);
  }
}

/**
 * The form's starting values: the stored value (`options.current`) when there is one, else the spec's `default`,
 * else blank. Enums hold the option value as a string (what a native select holds), numbers hold their text, objects
 * hold rows, secrets hold a `SecretValue` that is Configured in edit mode when the server says one is stored.
 */
export function buildDefaultValues(
  properties: readonly SpecProperty[] | unknown,
  options: SpecFormOptions,
): SpecFormValues {
  const values: SpecFormValues = {};
  for (const property of normalizeProperties(properties)) values[property.name] = initialValue(property, options);
  return values;
}
