import { errorBodySchema, type ErrorBody, type PagerDutyReply, type ValidationIssue } from './contract';

/** The failure code the server attaches (what it is, the integration type's descriptor explains). */
type FailureCode = NonNullable<ErrorBody['code']>;

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  /** The integration's own service failed or could not be reached (502 with a failure code). */
  | 'upstream'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_response';

interface ApiErrorInit {
  kind: ApiErrorKind;
  status: number;
  detail: string;
  fieldErrors?: ValidationIssue[];
  code?: FailureCode;
  pagerduty?: PagerDutyReply;
  retryAfter?: number;
  conflictCurrent?: unknown;
}

/** Every failure of an API call, typed so the UI can say something specific instead of crashing. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** One human sentence. */
  readonly detail: string;
  readonly fieldErrors: ValidationIssue[];
  readonly code?: FailureCode;
  /** The upstream service's own reply, as the contract's error body carries it (named `pagerduty` there). */
  readonly pagerduty?: PagerDutyReply;
  /** Seconds to wait before trying again. */
  readonly retryAfter?: number;
  /** On a 409 for an outdated edit (If-Match): the object as the server holds it now. */
  readonly conflictCurrent?: unknown;

  constructor(init: ApiErrorInit) {
    super(init.detail);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    if (init.code !== undefined) this.code = init.code;
    if (init.pagerduty !== undefined) this.pagerduty = init.pagerduty;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    if (init.conflictCurrent !== undefined) this.conflictCurrent = init.conflictCurrent;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export const networkErrorMessage = 'Cannot reach the server. Check your connection; your changes are kept.';
export const forbiddenMessage = 'Manager permission required';

/** The field a validation issue names: the last string in `loc` after "body"/"query"/"path". */
export function issueField(issue: ValidationIssue): string | undefined {
  const names = issue.loc.filter((part): part is string => typeof part === 'string');
  const rest = names[0] === 'body' || names[0] === 'query' || names[0] === 'path' ? names.slice(1) : names;
  return rest.at(-1);
}

function joinIssues(issues: ValidationIssue[]): string {
  return issues
    .map((issue) => {
      const field = issueField(issue);
      return field ? `${field}: ${issue.msg}` : issue.msg;
    })
    .join('; ');
}

function kindForStatus(status: number, code: FailureCode | undefined): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status === 504) return 'timeout';
  if (status === 502 && code) return code === 'timeout' ? 'timeout' : 'upstream';
  return 'server';
}

const fallbackSentences: Partial<Record<ApiErrorKind, string>> = {
  unauthorized: 'Your session has ended. Please sign in again.',
  forbidden: forbiddenMessage,
  not_found: 'Not found.',
  conflict: 'This conflicts with the current state. Reload and try again.',
  validation: 'The request was not valid.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  timeout: 'The server did not answer in time. Please try again.',
  upstream: 'The integration could not be reached. Please try again.',
};

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Turns an unsuccessful response into an ApiError, whatever its body looks like. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const { status } = response;
  let text = '';
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read is treated like an empty one.
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  const body = parsed.success ? parsed.data : undefined;
  const code = body?.code;
  const kind = kindForStatus(status, code);
  const fieldErrors = body && Array.isArray(body.detail) ? body.detail : [];
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After')) ?? body?.retry_after;

  let detail: string;
  if (kind === 'forbidden') {
    // The server may already say which permission is needed: never say it twice.
    const said = typeof body?.detail === 'string' ? body.detail : '';
    detail = !said ? forbiddenMessage : /permission required/i.test(said) ? said : `${forbiddenMessage}: ${said}`;
  } else if (body) {
    detail = typeof body.detail === 'string' ? body.detail : joinIssues(body.detail);
  } else {
    const reason = response.statusText ? ` (${response.statusText})` : '';
    const what = fallbackSentences[kind] ?? 'The server had a problem.';
    detail = text
      ? `${what} The server answered ${status}${reason} with an unexpected response.`
      : `${what} The server answered ${status}${reason} with an empty response.`;
  }
  if (!detail) detail = fallbackSentences[kind] ?? `The server answered ${status}.`;

  return new ApiError({
    kind,
    status,
    detail,
    fieldErrors,
    ...(code ? { code } : {}),
    ...(body?.pagerduty ? { pagerduty: body.pagerduty } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(body?.conflict ? { conflictCurrent: body.conflict.current } : {}),
  });
}

export function networkError(): ApiError {
  return new ApiError({ kind: 'network', status: 0, detail: networkErrorMessage });
}

export function badResponseError(status: number): ApiError {
  return new ApiError({
    kind: 'bad_response',
    status,
    detail: `The server answered ${status} with data this console does not understand. Please reload; if it persists, the server may be a different version.`,
  });
}
