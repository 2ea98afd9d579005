import { describe, expect, it } from 'vitest';
import {
  formatRowValue,
  keyValueToObject,
  objectToRows,
  parseRowValue,
  rowsToObject,
  toKeyValueValue,
} from './key-value-codec';

describe('row values', () => {
  it('round-trips every kind of stored value losslessly', () => {
    const stored = {
      text: 'data team',
      numberLike: '5',
      jsonLike: '{"a":1}',
      quoted: '"hi"',
      number: 5,
      boolean: true,
      nothing: null,
      nested: { a: [1, 'b'] },
      empty: '',
    };
    expect(rowsToObject(objectToRows(stored))).toEqual(stored);
  });

  it('shows plain text as typed and JSON-looking strings quoted', () => {
    expect(formatRowValue('data team')).toBe('data team');
    expect(formatRowValue('5')).toBe('"5"');
    expect(formatRowValue(5)).toBe('5');
    expect(parseRowValue('data team')).toBe('data team');
    expect(parseRowValue('5')).toBe(5);
    expect(parseRowValue('"5"')).toBe('5');
  });

  it('skips blank keys and keeps the first of duplicated keys', () => {
    expect(
      rowsToObject([
        { id: '1', key: ' a ', value: '1' },
        { id: '2', key: '', value: '2' },
        { id: '3', key: 'a', value: '3' },
      ]),
    ).toEqual({ a: 1 });
  });

  it('reads any form value shape into an object', () => {
    expect(keyValueToObject({ x: 1 })).toEqual({ x: 1 });
    expect(keyValueToObject(undefined)).toEqual({});
    expect(keyValueToObject({ rows: [], jsonText: 'nope' })).toBeUndefined();
  });

  it('gives repeated or empty row ids fresh ones, keeping the rows', () => {
    const { rows } = toKeyValueValue({
      rows: [
        { id: 'a', key: 'x', value: '1' },
        { id: 'a', key: 'y', value: '2' },
        { id: '', key: 'z', value: '3' },
        { id: 5, key: 'dropped', value: '4' },
      ],
      jsonText: null,
    });
    expect(rows.map((row) => row.key)).toEqual(['x', 'y', 'z']);
    expect(new Set(rows.map((row) => row.id)).size).toBe(3);
    expect(rows[0]?.id).toBe('a');
  });
});
