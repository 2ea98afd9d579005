import { validationError } from '../http/http-error';

/**
 * Keyset pagination: the cursor is the id of the last item of a page (ids only grow, so "older" is "smaller"),
 * wrapped so clients treat it as opaque. A new row never shifts a page the way an OFFSET would.
 */
export const encodeCursor = (id: number) => Buffer.from(`id:${id}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const match = /^id:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw validationError([
      {
        loc: ['query', 'before'],
        msg: 'Not a cursor from this API: pass the next_cursor of the previous page',
        type: 'value_error',
      },
    ]);
  }
  return Number(match[1]);
}

export const DEFAULT_PAGE_SIZE = 50;
export const pageLimit = (limit: number | undefined) => limit ?? DEFAULT_PAGE_SIZE;
