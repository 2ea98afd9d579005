import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { flowQueries } from '../api/queries';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import { flowWithPagerDuty, pagerDutyIntegration } from '../shared/testing/samples';
import { FlowDetailPage } from './flow-detail-page';

const flowPath = `/api/flows/${flowWithPagerDuty.id}`;

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
    const panel = await screen.findByRole('dialog', { name: 'PagerDuty Settings' });
    const message = within(panel).getByRole('combobox', { name: 'Message' });
    await user.clear(message);
    await user.type(message, 'Edited');

    serverUp = false;
    await act(() => queryClient.invalidateQueries({ queryKey: flowQueries.all }));
    await waitFor(() => expect(api.calls().filter((c) => c === `GET ${flowPath}`).length).toBeGreaterThan(1));
    expect(await screen.findByText('Could not refresh this page', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByText('The flow could not be loaded')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'PagerDuty Settings' })).toBe(panel);
    expect(message).toHaveValue('Edited');
  });
});
