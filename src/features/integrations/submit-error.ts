import type { UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import type { SpecProperty } from '../../api/contract';
import { descriptorFor, explainKeyIssues, keyRefusalText } from '../../integrations';
import { applyServerErrors, type SpecFormValues } from '../../spec-form';
import { detailWithPagerDutyReason } from '../../shared/errors';

/**
 * Puts a failed save where the user is looking: field issues on their fields, a refused key on the secret
 * field, anything else as one sentence for above the form. Returns that sentence, or null if all landed on fields.
 */
export function applySubmitError(
  properties: readonly SpecProperty[],
  error: unknown,
  setError: UseFormSetError<SpecFormValues>,
  type?: string,
): string | null {
  if (!isApiError(error)) return 'Saving failed unexpectedly. Your changes are kept; please try again.';
  if (error.fieldErrors.length > 0) {
    const unmatched = applyServerErrors(properties, explainKeyIssues(error.fieldErrors), setError);
    return unmatched.length ? unmatched.join(' ') : null;
  }
  if (error.code === 'invalid_key') {
    const secret =
      properties.find((property) => property.secret && property.required) ?? properties.find((p) => p.secret);
    if (secret) {
      const words = [error.pagerduty?.message, ...(error.pagerduty?.errors ?? [])].filter(Boolean).join('; ');
      const explanation = type ? descriptorFor(type).explainKeyRefusal?.(words || error.detail) : undefined;
      const message = explanation
        ? keyRefusalText(explanation, words || error.detail)
        : detailWithPagerDutyReason(error);
      setError(secret.field, { type: 'server', message }, { shouldFocus: true });
      return null;
    }
  }
  if (error.kind === 'rate_limited' && error.retryAfter !== undefined && !/try again/i.test(error.detail))
    return `${error.detail} Try again in ${Math.max(1, Math.ceil(error.retryAfter))} seconds.`;
  return detailWithPagerDutyReason(error);
}
