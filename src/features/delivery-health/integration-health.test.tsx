import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryHealth, Integration } from '../../api/contract';
import { mockApi } from '../../api/mock-fetch';
import { renderWithProviders } from '../../shared/testing/render-with-providers';
import { pagerDutyIntegration } from '../../shared/testing/samples';
import { IntegrationHealth } from './integration-health';

const at = '2026-12-01T10:32:00Z';
const failing: DeliveryHealth = {
  state: 'failing',
  last_attempt_at: at,
  last_success_at: null,
  last_failure_at: at,
  last_failure: { code: 'invalid_key', detail: 'Invalid routing key' },
  consecutive_failures: 2,
};
const ok: DeliveryHealth = {
  ...failing,
  state: 'ok',
  last_success_at: at,
  last_failure: null,
  consecutive_failures: 0,
};
const withHealth = (health: DeliveryHealth): Integration => ({ ...pagerDutyIntegration, health });

const renderHealth = (integration: Integration) =>
  renderWithProviders(<IntegrationHealth integration={integration} label="PagerDuty" />, {
    path: '/integrations',
    route: '/integrations',
  });

describe("IntegrationHealth (the card's health line)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers Rotate and Verify, loaded with the card, once the key fails; Verify asks the server', async () => {
    const api = mockApi({
      [`POST /api/integrations/${pagerDutyIntegration.id}/verify`]: { body: withHealth(ok) },
      'GET /api/integrations': { body: [withHealth(ok)] },
      'GET /api/notifications/deliveries': { body: { items: [], next_cursor: null } },
    });
    renderHealth(withHealth(failing));
    // Lazy: it arrives after the health line.
    expect(screen.getByRole('status', { name: 'Delivery health' })).toHaveTextContent('Failing');
    const verify = await screen.findByRole('button', { name: 'Verify the PagerDuty key' });
    expect(screen.getByRole('link', { name: 'Rotate the PagerDuty key' })).toHaveAttribute(
      'href',
      `/integrations/${pagerDutyIntegration.id}`,
    );
    await userEvent.click(verify);
    await vi.waitFor(() => expect(api.calls()).toContain(`POST /api/integrations/${pagerDutyIntegration.id}/verify`));
  });

  it('says so when the server has no key verification (a brief-only server)', async () => {
    mockApi({
      [`POST /api/integrations/${pagerDutyIntegration.id}/verify`]: { status: 404, body: { detail: 'Not Found' } },
    });
    renderHealth(withHealth(failing));
    await userEvent.click(await screen.findByRole('button', { name: 'Verify the PagerDuty key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This server does not offer key verification.');
  });

  it('offers no way out while the key delivers', async () => {
    mockApi({});
    renderHealth(withHealth(ok));
    expect(screen.getByRole('status', { name: 'Delivery health' })).toHaveTextContent('Delivering');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Verify the PagerDuty key' })).not.toBeInTheDocument();
  });
});
