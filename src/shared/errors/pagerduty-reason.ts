import type { ApiError } from '../../api/api-error';

/** PagerDuty's own words in a failed answer (its message, then its errors), verbatim; null if it said nothing. */
function pagerDutyWords(error: ApiError): string | null {
  const reply = error.pagerduty;
  const parts = [reply?.message, ...(reply?.errors ?? [])].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' — ') : null;
}

/** PagerDuty's own words where it answered; otherwise the server's sentence. */
export function pagerDutyReason(error: ApiError): string {
  return pagerDutyWords(error) ?? error.detail;
}

/** The server's sentence, followed by PagerDuty's own words when they add something to it. */
export function detailWithPagerDutyReason(error: ApiError): string {
  const words = pagerDutyWords(error);
  return words && !error.detail.includes(words) ? `${error.detail} PagerDuty said: ${words}` : error.detail;
}
