import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { explainFailure, retryWhen } from './explain-failure';

const now = new Date('2026-03-12T10:30:00Z');
const localTime = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });

describe('retryWhen', () => {
  it('says seconds for a short wait and minutes for a long one, with the clock time', () => {
    expect(retryWhen(20, now)).toBe(`in 20 seconds (at ${localTime(now.getTime() + 20_000)})`);
    expect(retryWhen(300, now)).toBe(`in 5 minutes (at ${localTime(now.getTime() + 300_000)})`);
  });

  it('falls back to a minute when PagerDuty gave no time', () => {
    expect(retryWhen(undefined, now)).toBe('in a minute');
  });
});

describe('explainFailure', () => {
  it('names a refused event as such', () => {
    const error = new ApiError({
      kind: 'validation',
      status: 400,
      detail: 'refused',
      code: 'invalid_event',
      pagerduty: { message: 'Event object is invalid', errors: ["'payload.summary' is missing"] },
    });
    expect(explainFailure(error).title).toBe('PagerDuty refused the event');
  });
});
