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

  it('explains a refused key as the test card does, with PagerDuty’s words verbatim beneath', () => {
    const setError = vi.fn();
    const words = "Length of 'routing_key' is incorrect (should be 32 characters)";
    const error = new ApiError({
      kind: 'validation',
      status: 400,
      detail: 'x',
      code: 'invalid_key',
      fieldErrors: [{ loc: ['body', 'api_access_token'], msg: words, type: 'pagerduty.invalid_key' }],
    });
    expect(applySubmitError(pagerDutySpec.properties, error, setError, 'pagerduty')).toBeNull();
    const message = setError.mock.calls[0]?.[1]?.message as string;
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^Wrong routing key: A routing key is exactly 32 letters and digits/),
      expect.stringMatching(/^What to do: In PagerDuty, open Services > your service > Integrations/),
      `PagerDuty said: “${words}”`,
    ]);
  });

  it('explains a revoked key ("Invalid routing key") on the field, naming what to do', () => {
    const setError = vi.fn();
    const error = new ApiError({
      kind: 'validation',
      status: 400,
      detail: 'PagerDuty refused the Routing Key.',
      code: 'invalid_key',
      pagerduty: { message: 'Event object is invalid', errors: ['Invalid routing key'] },
    });
    applySubmitError(pagerDutySpec.properties, error, setError, 'pagerduty');
    const message = setError.mock.calls[0]?.[1]?.message as string;
    expect(message).toMatch(/^Wrong routing key: PagerDuty does not accept this routing key: it is mistyped, revoked/);
    expect(message).toMatch(/What to do: .*32 letters and digits/);
    expect(message).toMatch(/PagerDuty said: “Event object is invalid; Invalid routing key”$/);
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
