import type { ApiError } from '../../api/api-error';
import type { FailureExplanation } from '../../integrations';
import { pagerDutyDescriptor } from '../../integrations/pagerduty';

export type { FailureExplanation } from '../../integrations';
export { retryWhen } from '../../shared/retry-when';

/**
 * Turns a failed test into what it means and what to do: by the failure code, as the PagerDuty descriptor explains
 * it, else from the kind of failure.
 */
export function explainFailure(error: ApiError, now: Date = new Date()): FailureExplanation {
  const known = error.code
    ? pagerDutyDescriptor.explainFailure?.({ code: error.code, retryAfter: error.retryAfter }, now)
    : undefined;
  return (
    known ?? {
      title: 'The test was not sent',
      meaning: error.detail,
      action:
        error.kind === 'network' || error.kind === 'server' || error.kind === 'timeout'
          ? 'Try again in a moment.'
          : 'Fix what is described above and test again.',
    }
  );
}
