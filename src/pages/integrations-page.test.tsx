import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import {
  catalogSpec,
  flowWithPagerDuty,
  pagerDutyIntegration,
  pagerDutySpec,
  slackSpec,
} from '../shared/testing/samples';
import { IntegrationsPage } from './integrations-page';

const renderPage = () => renderWithProviders(<IntegrationsPage />, { path: '/integrations', route: '/integrations' });

describe('IntegrationsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the catalog grouped by category with each status, loading each resource once', async () => {
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec, slackSpec, catalogSpec] },
      'GET /api/integrations': { body: [pagerDutyIntegration] },
    });
    renderPage();

    const alerting = await screen.findByRole('region', { name: 'Alerting' });
    const pagerDuty = within(alerting).getByRole('article', { name: 'PagerDuty' });
    expect(within(pagerDuty).getByText('Connected')).toBeInTheDocument();
    expect(within(pagerDuty).getByRole('button', { name: 'PagerDuty actions' })).toBeInTheDocument();
    expect(within(pagerDuty).getByText('Last updated')).toBeInTheDocument();

    const slack = within(alerting).getByRole('article', { name: 'Slack' });
    expect(within(slack).getByText('Coming soon')).toBeInTheDocument();
    expect(within(slack).queryByRole('link')).not.toBeInTheDocument();
    expect(within(slack).queryByRole('button')).not.toBeInTheDocument();

    const dataCatalog = screen.getByRole('region', { name: 'Data catalog' });
    const atlan = within(dataCatalog).getByRole('article', { name: 'Atlan' });
    expect(within(atlan).getByText('Not connected')).toBeInTheDocument();
    expect(within(atlan).getByRole('link', { name: 'Connect Atlan' })).toHaveAttribute(
      'href',
      '/integrations/atlan/connect',
    );

    expect(api.calls().sort()).toEqual(['GET /api/integrations', 'GET /api/integrations-specifications']);
  });

  it('tells a Member that Manager permission is required', async () => {
    mockApi({
      'GET /api/integrations-specifications': { status: 403, body: { detail: 'Requires the Manager role' } },
      'GET /api/integrations': { status: 403, body: { detail: 'Requires the Manager role' } },
    });
    renderPage();
    expect(await screen.findByText('Manager permission required')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows a load failure with a Retry that asks again', async () => {
    let fail = true;
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': () => (fail ? new Response('<html>Bad gateway</html>', { status: 400 }) : { body: [] }),
    });
    renderPage();
    expect(await screen.findByText(/The integrations could not be loaded/)).toBeInTheDocument();
    expect(screen.getByText(/400/)).toBeInTheDocument();
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
  });

  it('disconnects after a confirmation that names the affected flows', async () => {
    let connected = true;
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': () => ({ body: connected ? [pagerDutyIntegration] : [] }),
      'GET /api/flows': { body: [flowWithPagerDuty, { ...flowWithPagerDuty, id: 8, name: 'Quiet flow', actions: [] }] },
      'DELETE /api/integrations/5': () => {
        connected = false;
        return new Response(null, { status: 204 });
      },
    });
    renderPage();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'PagerDuty actions' }));
    // The menu is its own chunk, loaded on first open.
    await user.click(await screen.findByRole('menuitem', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect PagerDuty?' });
    const affected = await within(dialog).findByRole('list', { name: 'Affected Flows' });
    expect(within(affected).getByRole('link', { name: 'Orders freshness' })).toHaveAttribute(
      'href',
      `/flows/${flowWithPagerDuty.id}`,
    );
    expect(within(affected).queryByText('Quiet flow')).not.toBeInTheDocument();
    expect(within(dialog).getByText(/not deleted/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText('The Integration has been successfully disconnected')).toBeInTheDocument();
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    // The menu button focus came from is gone: focus stays at the card, on its Connect, not on the page body.
    await waitFor(() => expect(screen.getByRole('link', { name: 'Connect PagerDuty' })).toHaveFocus());
    expect(api.calls()).toContain('DELETE /api/integrations/5');
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Disconnect PagerDuty?' })).not.toBeInTheDocument(),
    );
  });
});
