import { act, render, screen, within } from '@testing-library/react';
import { NavigationRouter } from '../../shared/navigation';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { TestNotificationResponse } from '../../api/contract';
import { TestResultCard, type TestOutcome } from './test-result-card';

const delivered: TestNotificationResponse = {
  status: 'success',
  message: 'Notification successfully sent.',
  sent_at: '2026-03-12T10:30:00Z',
  key_source: 'override',
  routing_key_last4: 'wxyz',
  pagerduty: { status: 'success', message: 'Event processed', dedup_key: 'qualytics-test-42' },
  event: {
    routing_key: '…wxyz',
    event_action: 'trigger',
    dedup_key: 'qualytics-test-42',
    client: 'Qualytics',
    client_url: 'https://example.qualytics.io',
    payload: {
      summary: 'Anomaly in warehouse',
      timestamp: '2026-03-12T10:30:00Z',
      severity: 'critical',
      source: 'https://example.qualytics.io',
      component: 'orders',
      class: 'anomaly',
      custom_details: { team: 'data', count: 3 },
    },
    links: [{ href: 'https://example.qualytics.io/anomalies/1', text: 'Event Details' }],
  },
};

const at = new Date('2026-03-12T10:30:00Z');
const failed = (init: ConstructorParameters<typeof ApiError>[0]): TestOutcome => ({
  kind: 'failed',
  error: new ApiError(init),
  at,
});

const show = (outcome: TestOutcome) =>
  render(
    <NavigationRouter>
      <TestResultCard outcome={outcome} />
    </NavigationRouter>,
  );

describe('TestResultCard', () => {
  it('draws a delivered test like the PagerDuty incident', () => {
    show({ kind: 'delivered', response: delivered });
    const card = screen.getByRole('region', { name: 'Anomaly in warehouse' });
    expect(within(card).getByRole('heading', { name: 'Anomaly in warehouse' })).toBeInTheDocument();
    const badge = within(card).getByText('Critical');
    expect(badge).toHaveStyle({ backgroundColor: '#d62d20', color: '#ffffff' });
    expect(card).toHaveTextContent('Sourcehttps://example.qualytics.io');
    expect(card).toHaveTextContent('Componentorders');
    expect(card).toHaveTextContent('Classanomaly');
    expect(card).toHaveTextContent('Dedup keyqualytics-test-42');
    expect(card).toHaveTextContent("This action's override ending in wxyz");
    expect(card).toHaveTextContent('success: Event processed');
    const table = within(card).getByRole('table', { name: 'Custom details' });
    expect(within(table).getByRole('rowheader', { name: 'team' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '3' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Event Details' })).toHaveAttribute(
      'href',
      'https://example.qualytics.io/anomalies/1',
    );
  });

  it("says the integration's key was used when there was no override", () => {
    show({ kind: 'delivered', response: { ...delivered, key_source: 'integration', routing_key_last4: 'abcd' } });
    expect(screen.getByText(/The integration's key ending in/)).toHaveTextContent('abcd');
  });

  it("explains a wrong key with PagerDuty's reason verbatim and where to find the right one", () => {
    show(
      failed({
        kind: 'validation',
        status: 400,
        detail: 'PagerDuty refused the routing key',
        code: 'invalid_key',
        pagerduty: { http_status: 400, status: 'invalid event', message: 'Invalid routing key' },
      }),
    );
    const card = screen.getByRole('region', { name: 'Not delivered: Wrong routing key' });
    expect(card).toHaveTextContent('Invalid routing key');
    expect(card).toHaveTextContent('PagerDuty answered 400');
    expect(card).toHaveTextContent('Services > your service > Integrations > Events API v2');
  });

  it('says when to retry after a rate limit', () => {
    show(
      failed({
        kind: 'rate_limited',
        status: 429,
        detail: 'PagerDuty rate limited the event',
        code: 'rate_limited',
        retryAfter: 30,
        pagerduty: { http_status: 429, message: 'Too many requests' },
      }),
    );
    const card = screen.getByRole('region', { name: 'Not delivered: Rate limited by PagerDuty' });
    expect(card).toHaveTextContent('Too many requests');
    const retryAt = new Date(at.getTime() + 30_000).toLocaleTimeString(undefined, {
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    });
    expect(card).toHaveTextContent(`Try again in 30 seconds (at ${retryAt})`);
  });

  it('explains PagerDuty unreachable', () => {
    show(failed({ kind: 'upstream', status: 502, detail: 'connect ECONNREFUSED', code: 'unreachable' }));
    const card = screen.getByRole('region', { name: 'Not delivered: PagerDuty unreachable' });
    expect(card).toHaveTextContent('connect ECONNREFUSED');
    expect(card).toHaveTextContent('Try again in a minute');
    const status = within(card).getByRole('link', { name: 'status.pagerduty.com' });
    expect(status).toHaveAttribute('href', 'https://status.pagerduty.com');
    expect(status).toHaveAttribute('target', '_blank');
    expect(status).toHaveAttribute('rel', expect.stringContaining('noopener'));
  });

  it('explains a timeout', () => {
    show(failed({ kind: 'timeout', status: 504, detail: 'PagerDuty did not answer within 3 s', code: 'timeout' }));
    const card = screen.getByRole('region', { name: 'Not delivered: PagerDuty did not answer in time' });
    expect(card).toHaveTextContent('PagerDuty did not answer within 3 s');
    expect(card).toHaveTextContent('an incident may already be open');
    expect(card).toHaveTextContent(/try again in a minute/i);
  });

  it("names the console's own test limit, when it resets, and counts down", () => {
    vi.useFakeTimers({ now: at });
    try {
      show(
        failed({
          kind: 'rate_limited',
          status: 429,
          detail: 'Too many test notifications. Try again in 55 seconds.',
          retryAfter: 55,
        }),
      );
      const card = screen.getByRole('region', { name: 'Not sent: test limit reached' });
      expect(card).toHaveTextContent(/limits test notifications per user per minute.*not PagerDuty's limit/);
      const resets = new Date(at.getTime() + 55_000).toLocaleTimeString('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      expect(card).toHaveTextContent(`at ${resets}`);
      expect(within(card).getByRole('timer')).toHaveTextContent('Wait 55 seconds, then press Send test again.');
      act(() => vi.advanceTimersByTime(5000));
      expect(within(card).getByRole('timer')).toHaveTextContent('Wait 50 seconds');
      act(() => vi.advanceTimersByTime(50_000));
      expect(card).toHaveTextContent('The limit has reset: press Send test again.');
      expect(card).not.toHaveTextContent('Fix what is described above');
    } finally {
      vi.useRealTimers();
    }
  });

  it('links to connecting PagerDuty when it is not connected', () => {
    show(failed({ kind: 'conflict', status: 409, detail: 'PagerDuty is not connected', code: 'not_connected' }));
    const card = screen.getByRole('region', { name: 'Not delivered: PagerDuty is not connected' });
    expect(within(card).getByRole('link', { name: 'Connect PagerDuty' })).toHaveAttribute(
      'href',
      '/integrations/pagerduty/connect',
    );
  });

  it('falls back to the server sentence for an error without a PagerDuty code', () => {
    show(failed({ kind: 'network', status: 0, detail: 'Cannot reach the server.' }));
    expect(screen.getByRole('region', { name: 'Not delivered: The test was not sent' })).toHaveTextContent(
      'Cannot reach the server.',
    );
  });
});
