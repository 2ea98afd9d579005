import { describe, expect, it } from 'vitest';
import { parseId } from './parse-id';

describe('parseId', () => {
  it('reads plain positive integers', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('42')).toBe(42);
    expect(parseId('999999999999999')).toBe(999_999_999_999_999);
  });

  it('refuses anything else that Number() would accept', () => {
    for (const raw of [undefined, '', '0', '-1', '007', '1e3', '0x10', ' 12', '12.0', '12a', '9999999999999999']) {
      expect(parseId(raw), String(raw)).toBeNull();
    }
  });
});
