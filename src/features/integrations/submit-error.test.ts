import { describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '../../api/api-error';
import { pagerDutySpec } from '../../shared/testing/samples';
import { applySubmitError } from './submit-error';

describe('applySubmitError', () => {
  it('puts a refused key on the secret field with PagerDuty’s own words', () => {
    const setError = vi.fn();
    const error = new ApiError({
      kind: 'validation',
      status: 400,
      detail: 'PagerDuty refused the Routing Key.',
      code: 'invalid_key',
      pagerduty: { errors: ['Invalid routing key'] },
    });
    expect(applySubmitError(pagerDutySpec.properties, error, setError)).toBeNull();
    expect(setError).toHaveBeenCalledWith(
      'api_access_token',
      { type: 'server', message: 'PagerDuty refused the Routing Key. PagerDuty said: Invalid routing key' },
      { shouldFocus: true },
    );
  });

  it('returns field issues that match no field as one sentence for above the form', () => {
    const setError = vi.fn();
    const error = new ApiError({
      kind: 'validation',
      status: 422,
      detail: 'x',
      fieldErrors: [
        { loc: ['body', 'api_access_token'], msg: 'Too short', type: 'value_error' },
        { loc: ['body', 'colour'], msg: 'Unknown property colour', type: 'extra' },
      ],
    });
    expect(applySubmitError(pagerDutySpec.properties, error, setError)).toBe('Unknown property colour');
    expect(setError).toHaveBeenCalledWith('api_access_token', expect.objectContaining({ message: 'Too short' }), {
      shouldFocus: true,
    });
  });

  it('says when to try again after a rate limit, once', () => {
    const setError = vi.fn();
    const limited = new ApiError({ kind: 'rate_limited', status: 429, detail: 'Too many events.', retryAfter: 2.2 });
    expect(applySubmitError(pagerDutySpec.properties, limited, setError)).toBe(
      'Too many events. Try again in 3 seconds.',
    );
    const worded = new ApiError({
      kind: 'rate_limited',
      status: 429,
      detail: 'Try again in 5 seconds.',
      retryAfter: 5,
    });
    expect(applySubmitError(pagerDutySpec.properties, worded, setError)).toBe('Try again in 5 seconds.');
  });

  it('passes other failures through as their sentence', () => {
    const setError = vi.fn();
    expect(applySubmitError(pagerDutySpec.properties, networkError(), setError)).toMatch(/Cannot reach the server/);
    expect(applySubmitError(pagerDutySpec.properties, new Error('boom'), setError)).toMatch(/Your changes are kept/);
    expect(setError).not.toHaveBeenCalled();
  });
});
