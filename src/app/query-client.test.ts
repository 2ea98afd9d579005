import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/api-error';
import { shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('never retries a 4xx answer', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429])
      expect(shouldRetry(0, new ApiError({ kind: 'validation', status, detail: 'x' }))).toBe(false);
  });

  it('retries network failures and 5xx up to twice', () => {
    expect(shouldRetry(0, networkError())).toBe(true);
    expect(shouldRetry(1, new ApiError({ kind: 'server', status: 503, detail: 'x' }))).toBe(true);
    expect(shouldRetry(2, new ApiError({ kind: 'server', status: 503, detail: 'x' }))).toBe(false);
  });

  it('does not retry a response that breaks the contract', () => {
    expect(shouldRetry(0, new ApiError({ kind: 'bad_response', status: 200, detail: 'x' }))).toBe(false);
  });
});
