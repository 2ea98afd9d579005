import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { detailWithPagerDutyReason, pagerDutyReason } from './pagerduty-reason';

const refused = new ApiError({
  kind: 'validation',
  status: 400,
  detail: 'PagerDuty refused the event.',
  code: 'invalid_event',
  pagerduty: { message: 'Event object is invalid', errors: ["'payload.summary' is missing"] },
});
const unanswered = new ApiError({
  kind: 'upstream',
  status: 502,
  detail: 'connect ECONNREFUSED',
  code: 'unreachable',
});

describe('pagerDutyReason', () => {
  it("joins PagerDuty's message and errors verbatim", () => {
    expect(pagerDutyReason(refused)).toBe("Event object is invalid — 'payload.summary' is missing");
  });

  it("uses the server's sentence when PagerDuty never answered", () => {
    expect(pagerDutyReason(unanswered)).toBe('connect ECONNREFUSED');
  });
});

describe('detailWithPagerDutyReason', () => {
  it("adds PagerDuty's same words after the server's sentence", () => {
    expect(detailWithPagerDutyReason(refused)).toBe(
      "PagerDuty refused the event. PagerDuty said: Event object is invalid — 'payload.summary' is missing",
    );
  });

  it('says nothing twice: words already in the sentence, or none at all, add nothing', () => {
    const echoed = new ApiError({
      kind: 'validation',
      status: 400,
      detail: 'Refused: Invalid routing key',
      pagerduty: { message: 'Invalid routing key' },
    });
    expect(detailWithPagerDutyReason(echoed)).toBe('Refused: Invalid routing key');
    expect(detailWithPagerDutyReason(unanswered)).toBe('connect ECONNREFUSED');
  });
});
