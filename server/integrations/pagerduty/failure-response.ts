import { HttpError } from '../../http/http-error';
import type { PagerDutyFailure } from '../connector';

const statusByCode: Record<PagerDutyFailure['code'], number> = {
  invalid_key: 400,
  invalid_event: 400,
  rate_limited: 429,
  pagerduty_error: 502,
  unreachable: 502,
  timeout: 504,
};

/**
 * The answer for a failed PagerDuty call. With `keyField` (validating a key the caller typed),
 * a 400 is a field issue located on that field so the form can show PagerDuty's reason under it.
 */
export function failureToHttpError(failure: PagerDutyFailure, keyField?: string): HttpError {
  const status = statusByCode[failure.code];
  const extra = {
    code: failure.code,
    ...(failure.reply ? { pagerduty: failure.reply } : {}),
    ...(failure.retryAfterSeconds !== undefined ? { retry_after: failure.retryAfterSeconds } : {}),
  };
  const headers: Record<string, string> =
    failure.retryAfterSeconds !== undefined ? { 'Retry-After': String(failure.retryAfterSeconds) } : {};
  if (status === 400 && keyField) {
    return new HttpError(
      400,
      { detail: [{ loc: ['body', keyField], msg: failure.detail, type: `pagerduty.${failure.code}` }], ...extra },
      headers,
    );
  }
  return new HttpError(status, { detail: failure.detail, ...extra }, headers);
}
