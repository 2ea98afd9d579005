import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error';

/** The version tag of an object: its `updated` timestamp, which changes on every write. */
export const etagOf = (updated: string) => `"${updated}"`;

export function setEtag(reply: FastifyReply, updated: string) {
  reply.header('ETag', etagOf(updated));
}

/**
 * The `If-Match` of a write as a test on the stored `updated`, or null when the client sent none
 * (scripts may write blindly; the console always sends the version it read).
 */
export function ifMatch(request: FastifyRequest): ((updated: string) => boolean) | null {
  const header = request.headers['if-match'];
  if (!header) return null;
  const tags = header
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter(Boolean);
  return (updated) => tags.includes('*') || tags.includes(updated);
}

export const staleWrite = (what: string, current: unknown) =>
  new HttpError(409, {
    detail: `This ${what} was changed by someone else since you opened it. Review the current version and save again.`,
    conflict: { current },
  });
