import { zodResolver } from '@hookform/resolvers/zod';
import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from '../api/contract/zod';
import { buildDefaultValues } from './build-default-values';
import { buildSpecSchema } from './build-spec-schema';
import { normalizeProperties } from './normalize-properties';
import { createSpecResolver } from './spec-resolver';
import { actionProperties, generatedProperties } from './test-fixtures';
import type { SpecFormValues } from './types';

const options = (names?: string[]) =>
  ({
    names,
    fields: {},
    shouldUseNativeValidation: false,
    criteriaMode: 'firstError',
  }) as unknown as ResolverOptions<SpecFormValues>;

/** zodResolver adds `ref` to each error; the comparison is about messages and where they sit. */
function withoutRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, entry]) => key !== 'ref' && entry !== undefined)
      .map(([key, entry]) => [key, withoutRefs(entry)]),
  );
}

describe('createSpecResolver', () => {
  const properties = [...generatedProperties(40), ...actionProperties];
  const values: SpecFormValues = {
    ...buildDefaultValues(properties, { mode: 'create' }),
    field_1: 'x',
    field_18: '2.5',
    custom_details: {
      jsonText: null,
      rows: [
        { id: '1', key: 'a', value: '1' },
        { id: '2', key: '', value: '2' },
        { id: '3', key: 'a', value: '3' },
      ],
    },
  };

  it('reports exactly what the zod schema reports when validating everything', async () => {
    const ours = await createSpecResolver(normalizeProperties(properties))(values, undefined, options());
    const zods = await zodResolver(buildSpecSchema(properties), undefined, { raw: true })(values, undefined, options());
    expect(Object.keys(ours.errors).length).toBeGreaterThan(5);
    expect(withoutRefs(ours.errors)).toEqual(withoutRefs(zods.errors));
  });

  it('validates everything when several names are asked for (a submit passes every mounted name)', async () => {
    const resolver = createSpecResolver(normalizeProperties(properties));
    const all = await resolver(values, undefined, options());
    expect((await resolver(values, undefined, options(['field_0', 'field_3']))).errors).toEqual(all.errors);
  });

  it('validates only the field asked for while typing', async () => {
    const resolver = createSpecResolver(normalizeProperties(properties));
    expect(Object.keys((await resolver(values, undefined, options(['field_0']))).errors)).toEqual(['field_0']);
    const result = await resolver(values, undefined, options(['custom_details']));
    expect(Object.keys(result.errors)).toEqual(['custom_details']);
    expect(withoutRefs(result.errors.custom_details)).toEqual({
      type: 'custom',
      message: 'Every key must be filled in and unique',
      rows: [
        undefined,
        { key: { type: 'custom', message: 'Key is required' } },
        { key: { type: 'custom', message: 'Duplicate key "a"' } },
      ].map((row) => row),
    });
    const valid = await resolver(values, undefined, options(['field_1']));
    expect(valid).toEqual({ values, errors: {} });
  });

  it('validates extra fields with the extra schema, only when asked for', async () => {
    const extra = z.object({ tokenized_message: z.string().check(z.minLength(1, 'Message is required')) });
    const resolver = createSpecResolver(normalizeProperties(actionProperties), extra);
    const base = { ...buildDefaultValues(actionProperties, { mode: 'create' }), tokenized_message: '' };
    expect(Object.keys((await resolver(base, undefined, options(['severity']))).errors)).toEqual([]);
    expect((await resolver(base, undefined, options(['tokenized_message']))).errors.tokenized_message?.message).toBe(
      'Message is required',
    );
    expect(Object.keys((await resolver(base, undefined, options())).errors)).toEqual(['tokenized_message']);
  });
});
