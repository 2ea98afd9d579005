import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeliveryHealth } from '../../api/contract';
import { describeHealth } from './describe-health';
import { HealthStatus } from './health-status';

const now = new Date('2026-12-01T12:00:00');
const base: DeliveryHealth = {
  state: 'no_deliveries',
  last_attempt_at: null,
  last_success_at: null,
  last_failure_at: null,
  last_failure: null,
  consecutive_failures: 0,
};

describe('HealthStatus', () => {
  it('says No deliveries yet before anything was sent', () => {
    render(<HealthStatus health={base} now={now} />);
    expect(screen.getByRole('status', { name: 'Delivery health' })).toHaveTextContent('No deliveries yet');
  });

  it('says Delivering with the time of the last success', () => {
    const at = new Date('2026-12-01T10:32:00').toISOString();
    render(<HealthStatus health={{ ...base, state: 'ok', last_success_at: at, last_attempt_at: at }} now={now} />);
    expect(screen.getByRole('status')).toHaveTextContent('Delivering — last success 10:32');
  });

  it("says since when it fails and quotes PagerDuty's reason", () => {
    const at = new Date('2026-12-01T10:32:00').toISOString();
    const failing: DeliveryHealth = {
      ...base,
      state: 'failing',
      last_attempt_at: at,
      last_failure_at: at,
      last_failure: { code: 'invalid_key', detail: 'Invalid routing key' },
      consecutive_failures: 1,
    };
    render(<HealthStatus health={failing} now={now} />);
    expect(screen.getByRole('status')).toHaveTextContent('Failing since 10:32');
    expect(screen.getByRole('status')).toHaveTextContent('PagerDuty said: Invalid routing key');
    expect(describeHealth(failing, now).wayOut).toBe('key');
  });

  it('does not claim a start time for a streak of failures, and points a network failure at waiting', () => {
    const at = new Date('2026-11-30T09:05:00').toISOString();
    const view = describeHealth(
      {
        ...base,
        state: 'failing',
        last_failure_at: at,
        last_failure: { code: 'timeout', detail: 'No answer within 10 s' },
        consecutive_failures: 3,
      },
      now,
    );
    // Another day than `now`: the date with its zone, in the browser's locale.
    expect(view.title).toMatch(/^Failing — 3 failed deliveries in a row, the last at .*30.*2026.*9:05.*(UTC|GMT)/);
    expect(view.wayOut).toBe('wait');
  });
});
