import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../api/contract';
import { DeliveryStatus } from './delivery-status';
import { availableActions, pagerDutyAnswer } from './describe-delivery';

const now = new Date('2026-12-01T10:32:00Z');

function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 7,
    kind: 'trigger',
    status: 'delivered',
    integration_id: 1,
    flow_id: 3,
    action_id: 4,
    execution_id: 5,
    key_source: 'integration',
    key_last4: 'abcd',
    dedup_key: 'qualytics-3-4-5',
    event: { routing_key: '…abcd', event_action: 'trigger' },
    incident_state: 'triggered',
    attempts: [
      {
        at: '2026-12-01T10:31:00Z',
        duration_ms: 42,
        http_status: 202,
        outcome: 'delivered',
        pagerduty: { status: 'success', message: 'Event processed' },
      },
    ],
    next_attempt_at: null,
    created: '2026-12-01T10:31:00Z',
    updated: '2026-12-01T10:31:00Z',
    ...overrides,
  };
}

const shows = (d: Delivery) => render(<DeliveryStatus delivery={d} now={now} />);

describe('DeliveryStatus', () => {
  it('says Delivered for a delivered event', () => {
    shows(delivery());
    expect(screen.getByText('Delivered')).toBeInTheDocument();
  });

  it('counts down to the next attempt of a retrying event', () => {
    shows(delivery({ status: 'retrying', next_attempt_at: '2026-12-01T10:32:40Z' }));
    expect(screen.getByText('Retrying — next attempt in 40 s')).toBeInTheDocument();
  });

  it('says the next attempt is now once its time has passed', () => {
    shows(delivery({ status: 'retrying', next_attempt_at: '2026-12-01T10:31:00Z' }));
    expect(screen.getByText('Retrying — next attempt now')).toBeInTheDocument();
  });

  it('says Pending before the first attempt', () => {
    shows(delivery({ status: 'pending', attempts: [] }));
    expect(screen.getByText('Pending')).toBeInTheDocument();
  });

  it('says Failed for a refused event', () => {
    shows(delivery({ status: 'failed' }));
    expect(screen.getByText('Failed')).toBeInTheDocument();
  });

  it('says Skipped for an event that had nothing to send with', () => {
    shows(delivery({ status: 'skipped', attempts: [] }));
    expect(screen.getByText('Skipped')).toBeInTheDocument();
  });
});

describe('pagerDutyAnswer and availableActions', () => {
  it("quotes PagerDuty's words with the HTTP status, or why nothing was sent", () => {
    expect(pagerDutyAnswer(delivery())).toBe('202 Event processed');
    const refused = delivery({
      status: 'failed',
      attempts: [
        {
          at: now.toISOString(),
          duration_ms: 30,
          http_status: 400,
          outcome: 'rejected',
          pagerduty: { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key'] },
        },
      ],
    });
    expect(pagerDutyAnswer(refused)).toBe('400 Event object is invalid — Invalid routing key');
    expect(pagerDutyAnswer(delivery({ status: 'pending', attempts: [] }))).toBe('Not sent yet');
  });

  it('offers Retry now only on a failed trigger, Acknowledge and Resolve only on an open incident', () => {
    expect(availableActions(delivery())).toEqual({ retry: false, acknowledge: true, resolve: true });
    expect(availableActions(delivery({ status: 'failed', incident_state: null }))).toEqual({
      retry: true,
      acknowledge: false,
      resolve: false,
    });
    expect(availableActions(delivery({ incident_state: 'acknowledged' }))).toMatchObject({
      acknowledge: false,
      resolve: true,
    });
    expect(availableActions(delivery({ incident_state: 'resolved' }))).toMatchObject({ resolve: false });
    expect(availableActions(delivery({ kind: 'validation', incident_state: null }))).toEqual({
      retry: false,
      acknowledge: false,
      resolve: false,
    });
  });
});
