import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { tokenStore } from '../shared/session';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import { flowWithPagerDuty, manager, member } from '../shared/testing/samples';
import { FlowDetailPage } from './flow-detail-page';
import { FlowsPage } from './flows-page';

const asUser = (user: typeof member) => {
  tokenStore.setToken('token');
  return mockApi({
    'GET /api/users/me': { body: user },
    'GET /api/flows': { body: [flowWithPagerDuty] },
    [`GET /api/flows/${flowWithPagerDuty.id}`]: { body: flowWithPagerDuty },
    'GET /api/action-notification-specifications': { status: 403, body: { detail: 'Manager permission required' } },
    'GET /api/flows/actions/notification/tokens': { body: [] },
    'GET /api/integrations': { status: 403, body: { detail: 'Manager permission required' } },
  });
};

describe('what a Member cannot do is disabled, with the reason on hover and focus', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    tokenStore.clear('signed-out');
  });

  it('Create flow, on the flows page', async () => {
    const api = asUser(member);
    renderWithProviders(<FlowsPage />, { path: '/flows', route: '/flows' });
    // Disabled once the user is known (the button moves into the wrapper that carries the reason).
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Create flow' })).toBeDisabled());
    expect(api.calls()).not.toContain('POST /api/flows');
    const user = userEvent.setup();
    // By keyboard: the disabled button's wrapper takes focus and is named by the reason.
    await user.tab();
    const reason = screen.getByRole('group', { name: 'Manager permission required to create flows.' });
    expect(reason).toHaveFocus();
    await user.hover(reason);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Manager permission required to create flows.');
  });

  it('Create flow stays enabled for a Manager', async () => {
    const api = asUser(manager);
    renderWithProviders(<FlowsPage />, { path: '/flows', route: '/flows' });
    await vi.waitFor(() => expect(api.calls()).toContain('GET /api/users/me'));
    expect(await screen.findByText(flowWithPagerDuty.name)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create flow' })).toBeEnabled();
  });

  it("Delete flow, Add, Edit and Remove, on a flow's page", async () => {
    asUser(member);
    renderWithProviders(<FlowDetailPage />, { path: `/flows/${flowWithPagerDuty.id}`, route: '/flows/:id' });
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Add PagerDuty action' })).toBeDisabled());
    expect(screen.getByRole('button', { name: 'Delete flow' })).toBeDisabled();
    const reasons = screen.getAllByRole('group', { name: 'Manager permission required to change this flow.' });
    // Delete, Add, and Edit and Remove of the one action.
    expect(reasons).toHaveLength(4);
    expect(within(reasons[2]!).getByRole('button', { name: /^Edit/ })).toBeDisabled();
    await userEvent.setup().hover(reasons[0]!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Manager permission required to change this flow.');
  });
});
