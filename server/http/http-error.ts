import type { z } from 'zod';
import type { ErrorBody, ValidationIssue } from '../../src/api/contract';

/** An error answer with a body per `errorBodySchema`; thrown by handlers, rendered by the error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : (body.detail[0]?.msg ?? 'Validation error'));
  }
}

export const notFound = (detail: string) => new HttpError(404, { detail });

export const validationError = (issues: ValidationIssue[]) => new HttpError(422, { detail: issues });

/**
 * FastAPI-style issues from a zod error. Unknown keys become one issue each, located at the key,
 * so a form can put the message on the right field. Messages never include the input value.
 */
export function zodIssues(where: 'body' | 'path', error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const loc = [where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        loc: [...loc, key],
        msg: `Unknown field "${key}": extra inputs are not permitted`,
        type: 'extra_forbidden',
      }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [{ loc, msg: 'Field required', type: 'missing' }];
    }
    return [{ loc, msg: issue.message, type: issue.code }];
  });
}
