import { describe, expect, it } from 'vitest';
import { normalizeProperties } from './normalize-properties';
import { actionProperties, integrationProperties } from './test-fixtures';

describe('normalizeProperties', () => {
  it('keeps a well-formed spec as written and assigns a kind per type', () => {
    const [token] = normalizeProperties(integrationProperties);
    expect(token).toMatchObject({
      field: 'api_access_token',
      title: 'Routing Key',
      kind: 'secret',
      required: true,
      group: { name: 'Connection Properties', outline: true },
    });
    expect(normalizeProperties(actionProperties).map((property) => property.kind)).toEqual([
      'enum',
      'object',
      'secret',
    ]);
  });

  it('maps every known type', () => {
    const kinds = normalizeProperties(
      ['string', 'enum', 'boolean', 'integer', 'number', 'object'].map((type) => ({
        field: type,
        type,
        values: [{ label: 'A', value: 'a' }],
      })),
    ).map((property) => property.kind);
    expect(kinds).toEqual(['string', 'enum', 'boolean', 'integer', 'number', 'object']);
  });

  it('keeps an unknown type as text with a visible note', () => {
    const [property] = normalizeProperties([{ field: 'when', type: 'datetime', title: 'When' }]);
    expect(property?.kind).toBe('unknown');
    expect(property?.note).toBe('Unsupported field type "datetime": entered as text');
  });

  it('never throws on malformed specs', () => {
    const malformed: unknown[] = [
      null,
      42,
      'text',
      { type: 'string' },
      { field: '', type: 'string' },
      { field: 7, type: 'string' },
      { field: 'a', type: 42, required: 'yes', title: 12, group: 'Group', values: 'nope' },
      { field: 'a', type: 'boolean' },
      { field: 'b', type: 'enum', values: [] },
      { field: 'c', type: 'enum', values: [{ label: 'X' }, { value: { nested: true } }, 'bare', { value: 3 }] },
    ];
    expect(() => normalizeProperties(malformed)).not.toThrow();
    const result = normalizeProperties(malformed);
    expect(result.map((property) => property.field)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = result;
    expect(a).toMatchObject({ kind: 'unknown', title: 'a', required: false, group: undefined });
    expect(a?.note).toContain('Unsupported field type "42"');
    expect(b?.kind).toBe('string');
    expect(b?.note).toBe('No choices were provided for b: entered as text');
    expect(c?.values).toEqual([
      { label: 'bare', value: 'bare' },
      { label: '3', value: 3 },
    ]);
  });

  it('never takes a rendered note from the spec itself', () => {
    const [property] = normalizeProperties([{ field: 'a', type: 'string', note: { not: 'text' } }]);
    expect(property?.note).toBeUndefined();
  });

  it('returns nothing for input that is not a list', () => {
    expect(normalizeProperties(undefined)).toEqual([]);
    expect(normalizeProperties({ field: 'a' })).toEqual([]);
  });

  it('keeps the first definition of a duplicated field', () => {
    const result = normalizeProperties([
      { field: 'x', type: 'string', title: 'First' },
      { field: 'x', type: 'boolean', title: 'Second' },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]?.title).toBe('First');
  });

  it('treats any secret as a secret text field, whatever its type', () => {
    expect(normalizeProperties([{ field: 'k', type: 'integer', secret: true }])[0]?.kind).toBe('secret');
  });

  it('gives fields that would break form paths a stand-in name, keeping the field for the request', () => {
    const result = normalizeProperties([
      { field: 'severity', type: 'string' },
      { field: 'a.b', type: 'string' },
      { field: 'constructor', type: 'string' },
      { field: 'x[0]', type: 'string' },
    ]);
    expect(result.map((property) => [property.field, property.name])).toEqual([
      ['severity', 'severity'],
      ['a.b', '__sf_1'],
      ['constructor', '__sf_2'],
      ['x[0]', '__sf_3'],
    ]);
  });

  it('ignores a map_to or type that names an Object.prototype member', () => {
    const [property] = normalizeProperties([{ field: 'name', type: 'constructor', map_to: '__proto__' }]);
    expect(property?.map_to).toBeUndefined();
    expect(property?.kind).toBe('unknown');
  });
});
