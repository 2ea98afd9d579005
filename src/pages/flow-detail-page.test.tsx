import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { flowQueries } from '../api/queries';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import { flowWithPagerDuty, pagerDutyIntegration } from '../shared/testing/samples';
import { FlowDetailPage } from './flow-detail-page';

const flowPath = `/api/flows/${flowWithPagerDuty.id}`;

const dependencies = {
  'GET /api/flows/actions/notification/specifications': { body: [] },
  'GET /api/flows/actions/notification/tokens': { body: [] },
  'GET /api/integrations': { body: [] },
};

describe('FlowDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('keeps the page and an open, changed action when a refresh fails, and says the refresh failed', async () => {
    let serverUp = true;
    const api = mockApi({
      [`GET ${flowPath}`]: () => {
        if (!serverUp) throw new TypeError('Failed to fetch');
        return { body: flowWithPagerDuty };
      },
      'GET /api/action-notification-specifications': {
        body: [
          {
            display_name: 'PagerDuty',
            type: 'PagerDuty',
            properties: [
              { field: 'severity', map_to: 'parameters', title: 'Severity', type: 'string', default: 'info' },
            ],
          },
        ],
      },
      'GET /api/flows/actions/notification/tokens': { body: [] },
      'GET /api/integrations': { body: [pagerDutyIntegration] },
    });
    const { queryClient } = renderWithProviders(<FlowDetailPage />, {
      path: `/flows/${flowWithPagerDuty.id}`,
      route: '/flows/:id',
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit PagerDuty action 1' }));
    const panel = await screen.findByRole('dialog', { name: 'PagerDuty notification' });
    const message = within(panel).getByRole('combobox', { name: 'Message' });
    await user.clear(message);
    await user.type(message, 'Edited');

    serverUp = false;
    await act(() => queryClient.invalidateQueries({ queryKey: flowQueries.all }));
    await waitFor(() => expect(api.calls().filter((c) => c === `GET ${flowPath}`).length).toBeGreaterThan(1));
    expect(await screen.findByText('Could not refresh this page', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByText('The flow could not be loaded')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'PagerDuty notification' })).toBe(panel);
    expect(message).toHaveValue('Edited');
  });

  it('shows the not-found page for a flow that does not exist, not a Retry', async () => {
    mockApi({ ...dependencies, 'GET /api/flows/999': { status: 404, body: { detail: 'Flow 999 not found' } } });
    renderWithProviders(<FlowDetailPage />, { path: '/flows/999', route: '/flows/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Flow not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Flows' })).toHaveAttribute('href', '/flows');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows the same page for an address that cannot be a flow', async () => {
    mockApi(dependencies);
    renderWithProviders(<FlowDetailPage />, { path: '/flows/abc', route: '/flows/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Flow not found' })).toBeInTheDocument();
  });
});
