import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../api/mock-fetch';
import { renderWithProviders } from '../../shared/testing/render-with-providers';
import { ResolveTestIncident } from './resolve-test-incident';

const resolveDelivery = (status: 'pending' | 'delivered' | 'failed') => ({
  id: 12,
  kind: 'resolve',
  status,
  integration_id: 1,
  flow_id: null,
  action_id: null,
  execution_id: null,
  key_source: 'integration',
  key_last4: 'abcd',
  dedup_key: 'qualytics-test-1',
  event: null,
  incident_state: null,
  attempts:
    status === 'pending'
      ? []
      : [
          {
            at: '2026-12-01T10:40:05Z',
            duration_ms: 20,
            http_status: status === 'delivered' ? 202 : 400,
            outcome: status === 'delivered' ? 'delivered' : 'rejected',
            pagerduty: status === 'delivered' ? { status: 'success' } : { message: 'Invalid routing key' },
          },
        ],
  next_attempt_at: null,
  created: '2026-12-01T10:40:00Z',
  updated: '2026-12-01T10:40:05Z',
  failure: status === 'failed' ? { code: 'invalid_key', detail: 'Invalid routing key' } : null,
});

afterEach(() => vi.unstubAllGlobals());

describe('ResolveTestIncident', () => {
  it('resolves the incident the test opened and says when PagerDuty closed it', async () => {
    let reads = 0;
    const api = mockApi({
      'POST /api/notifications/deliveries/9/resolve': { status: 202, body: resolveDelivery('pending') },
      'GET /api/notifications/deliveries/12': () => ({
        body: resolveDelivery((reads += 1) > 1 ? 'delivered' : 'pending'),
      }),
    });
    renderWithProviders(<ResolveTestIncident deliveryId={9} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resolve this test incident' }));
    expect(
      await screen.findByText(/^Resolved at Dec 1, 2026, .* (UTC|GMT)/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.calls()).toContain('POST /api/notifications/deliveries/9/resolve');
    expect(screen.queryByRole('button', { name: 'Resolve this test incident' })).not.toBeInTheDocument();
  });

  it("shows PagerDuty's reason when the resolve was refused", async () => {
    mockApi({
      'POST /api/notifications/deliveries/9/resolve': { status: 202, body: resolveDelivery('pending') },
      'GET /api/notifications/deliveries/12': { body: resolveDelivery('failed') },
    });
    renderWithProviders(<ResolveTestIncident deliveryId={9} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resolve this test incident' }));
    expect(await screen.findByText('Not resolved: Invalid routing key')).toBeInTheDocument();
  });

  it('says calmly that a server without the delivery endpoints cannot resolve it', async () => {
    mockApi({ 'POST /api/notifications/deliveries/9/resolve': { status: 404, body: { detail: 'Not Found' } } });
    renderWithProviders(<ResolveTestIncident deliveryId={9} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resolve this test incident' }));
    expect(await screen.findByText(/This server does not offer resolving incidents/)).toBeInTheDocument();
  });
});
