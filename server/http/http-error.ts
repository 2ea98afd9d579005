import type { ErrorBody, ValidationIssue } from '../../src/api/contract';
import type { z } from '../../src/api/contract/zod';

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

const MAX_ISSUES = 20;
const MAX_NAME = 64;

/** A name taken from the input (an unknown key), cut so an error never mirrors a huge input back. */
export const inputName = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name);

/** At most 20 issues, so a body with thousands of problems still gets a short, readable answer. */
export function validationError(issues: ValidationIssue[]) {
  const shown = issues.slice(0, MAX_ISSUES).map((issue) => ({
    ...issue,
    loc: issue.loc.map((part) => (typeof part === 'string' ? inputName(part) : part)),
  }));
  if (issues.length > MAX_ISSUES) {
    shown.push({ loc: ['body'], msg: `…and ${issues.length - MAX_ISSUES} more problems`, type: 'too_many_errors' });
  }
  return new HttpError(422, { detail: shown });
}

/**
 * FastAPI-style issues from a zod error. Unknown keys become one issue each, located at the key,
 * so a form can put the message on the right field. Messages never include the input value.
 */
export function zodIssues(where: 'body' | 'path' | 'query', error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const loc = [where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        loc: [...loc, key],
        msg: `Unknown field "${inputName(key)}": extra inputs are not permitted`,
        type: 'extra_forbidden',
      }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [{ loc, msg: 'Field required', type: 'missing' }];
    }
    return [{ loc, msg: issue.message, type: issue.code }];
  });
}
