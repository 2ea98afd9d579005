import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error';
import { decodeCursor, encodeCursor } from './cursor';

const wrap = (text: string) => Buffer.from(text).toString('base64url');

describe('the keyset cursor', () => {
  it('round-trips an id, opaque on the wire', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    expect(encodeCursor(42)).not.toContain('42');
  });

  it('refuses anything it did not make with a 422 on the `before` parameter', () => {
    for (const text of ['id:0', 'id:12x', 'xid:12', 'id:', 'id:12345678901234567', ' id:5']) {
      let error: unknown;
      try {
        decodeCursor(wrap(text));
      } catch (caught) {
        error = caught;
      }
      expect(error, text).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(422);
      expect((error as HttpError).body).toEqual({
        detail: [
          {
            loc: ['query', 'before'],
            msg: 'Not a cursor from this API: pass the next_cursor of the previous page',
            type: 'value_error',
          },
        ],
      });
    }
  });
});
