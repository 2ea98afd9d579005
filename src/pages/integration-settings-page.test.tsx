import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { integrationQueries } from '../api/queries';
import type { IntegrationSpec } from '../api/contract';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import { pagerDutyIntegration, pagerDutySpec } from '../shared/testing/samples';
import { Route, Switch } from 'wouter';
import { IntegrationSettingsPage } from './integration-settings-page';
import { IntegrationsPage } from './integrations-page';

const spec: IntegrationSpec = {
  ...pagerDutySpec,
  properties: [
    ...pagerDutySpec.properties,
    { field: 'service_name', map_to: 'service_name', type: 'string', title: 'Service name' },
  ],
};
const stored = { ...pagerDutyIntegration, service_name: 'Checkout' };
/** The latest successful key check: the stored key's last four and when it was verified. */
const keyCheck = {
  id: 1,
  kind: 'validation',
  status: 'delivered',
  integration_id: 5,
  flow_id: null,
  action_id: null,
  execution_id: null,
  key_source: 'integration',
  key_last4: 'wxyz',
  dedup_key: null,
  event: null,
  incident_state: null,
  attempts: [{ at: '2026-03-12T10:30:00Z', duration_ms: 40, http_status: 202, outcome: 'delivered', pagerduty: null }],
  next_attempt_at: null,
  created: '2026-03-12T10:30:00Z',
  updated: '2026-03-12T10:30:00Z',
};

function renderSettings(putReply: (body: unknown) => unknown = (body) => ({ ...stored, ...(body as object) })) {
  const api = mockApi({
    'GET /api/integrations-specifications': { body: [spec] },
    'GET /api/integrations/5': { body: stored },
    'GET /api/integrations': { body: [stored] },
    'PUT /api/integrations/5': ({ body }) => ({ body: putReply(body) }),
    'GET /api/notifications/deliveries': { body: { items: [keyCheck], next_cursor: null } },
  });
  const utils = renderWithProviders(<IntegrationSettingsPage />, {
    path: '/integrations/5',
    route: '/integrations/:id',
  });
  return { api, ...utils };
}

describe('IntegrationSettingsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows type, status and times, with the key Configured and never its value', async () => {
    const { api } = renderSettings();
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit PagerDuty integration' })).toBeInTheDocument();
    expect(screen.getByText('Configured')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace Routing Key' })).toBeInTheDocument();
    expect(screen.getByLabelText('Service name')).toHaveValue('Checkout');
    const delivery = screen.getByRole('region', { name: 'Delivery' });
    expect(await within(delivery).findByText('…wxyz')).toBeInTheDocument();
    expect(within(delivery).getByText(/^Mar 1[23], 2026, \d\d?:\d\d:00 [AP]M (UTC|GMT)/)).toBeInTheDocument();
    expect(within(delivery).getByRole('button', { name: 'Verify key' })).toBeInTheDocument();
    expect(api.calls().sort()).toEqual([
      'GET /api/integrations-specifications',
      'GET /api/integrations/5',
      'GET /api/notifications/deliveries',
    ]);
    expect(api.requests.find((r) => r.path === '/api/notifications/deliveries')?.search).toBe(
      '?kind=validation&status=delivered&integration_id=5&limit=1',
    );
  });

  it('sends only the changed field and no secret when the key was not replaced', async () => {
    const { api } = renderSettings();
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Service name');
    await user.clear(name);
    await user.type(name, 'Payments');
    await user.click(screen.getByRole('button', { name: 'Update' }));

    expect(await screen.findByText('The Integration has been successfully updated')).toBeInTheDocument();
    const put = api.requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ service_name: 'Payments' });
  });

  it('sends nothing and says so when Update is pressed without changes', async () => {
    const { api } = renderSettings();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Update' }));
    expect(await screen.findByText('Nothing changed, so nothing was sent.')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);
    expect(screen.queryByText('The Integration has been successfully updated')).toBeNull();
  });

  it('sends the new key when it is replaced, and only that', async () => {
    const { api } = renderSettings(() => stored);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Replace Routing Key' }));
    await user.type(screen.getByLabelText(/^New Routing Key/), 'newkeynewkeynewkeynewkeynewkey12');
    await user.click(screen.getByRole('button', { name: 'Update' }));

    await waitFor(() => expect(api.requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = api.requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ api_access_token: 'newkeynewkeynewkeynewkeynewkey12' });
    // Back to Configured: the typed key is not kept on screen after saving.
    expect(await screen.findByRole('button', { name: 'Replace Routing Key' })).toBeInTheDocument();
    // Which key is now stored, by its last four only; focus moves to that news, not to the page body.
    const saved = (await screen.findByText(/^Saved\. The Routing Key now stored ends in/)).closest('[role="status"]');
    expect(saved).toHaveTextContent('Saved. The Routing Key now stored ends in …ey12.');
    await waitFor(() => expect(saved).toHaveFocus());
    expect(document.body.innerHTML).not.toContain('newkeynewkeynewkeynewkeynewkey12');
  });

  it('sends the version it is based on, and after a conflict loads the current one keeping what was typed', async () => {
    let version = stored.updated;
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [spec] },
      'GET /api/integrations/5': () => ({ body: { ...stored, updated: version } }),
      'GET /api/integrations': { body: [stored] },
      'PUT /api/integrations/5': ({ headers }) =>
        headers.get('If-Match') === `"${version}"`
          ? { body: { ...stored, service_name: 'Payments', updated: version } }
          : {
              status: 409,
              body: {
                detail: 'This integration was changed by someone else since you opened it.',
                conflict: { current: { ...stored, updated: version } },
              },
            },
    });
    renderWithProviders(<IntegrationSettingsPage />, { path: '/integrations/5', route: '/integrations/:id' });
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Service name');
    // Someone else saved (only a secret changed): the version moves on, the visible settings do not.
    version = '2026-11-22T09:00:00Z';
    await user.clear(name);
    await user.type(name, 'Payments');
    await user.click(screen.getByRole('button', { name: 'Update' }));

    // The app's one conflict dialog, saying nothing visible changed and that what was typed stays.
    const dialog = await screen.findByRole('dialog', { name: 'Changed somewhere else' });
    expect(dialog).toHaveTextContent('This PagerDuty Integration was saved in another tab');
    expect(dialog).toHaveTextContent('No visible setting changed (a secret may have been replaced).');
    expect(dialog).toHaveTextContent('Reload keeps what you typed here');
    expect(name).toHaveValue('Payments');
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(name).toHaveValue('Payments');

    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText('The Integration has been successfully updated')).toBeInTheDocument();
    const puts = api.requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.headers.get('If-Match'))).toEqual([
      `"${stored.updated}"`,
      '"2026-11-22T09:00:00Z"',
    ]);
  });

  it('after a conflict over a visible setting, lists the change and Reload shows the current values', async () => {
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [spec] },
      'GET /api/integrations/5': { body: stored },
      'GET /api/integrations': { body: [stored] },
      'PUT /api/integrations/5': {
        status: 409,
        body: {
          detail: 'This integration was changed by someone else since you opened it.',
          conflict: { current: { ...stored, service_name: 'Billing', updated: '2026-11-22T09:00:00Z' } },
        },
      },
    });
    renderWithProviders(<IntegrationSettingsPage />, { path: '/integrations/5', route: '/integrations/:id' });
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Service name');
    await user.clear(name);
    await user.type(name, 'Payments');
    await user.click(screen.getByRole('button', { name: 'Update' }));

    const dialog = await screen.findByRole('dialog', { name: 'Changed somewhere else' });
    expect(within(dialog).getByRole('list', { name: 'What changed' })).toHaveTextContent(
      'Service name: “Checkout” → “Billing”',
    );
    expect(dialog).toHaveTextContent('Reload to see the current version, then make your changes again.');
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(name).toHaveValue('Billing'));
    expect(api.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
  });

  it('keeps the form and what was typed when a refresh fails, and says the refresh failed', async () => {
    let serverUp = true;
    mockApi({
      'GET /api/integrations-specifications': { body: [spec] },
      'GET /api/integrations/5': () => {
        if (!serverUp) throw new TypeError('Failed to fetch');
        return { body: stored };
      },
    });
    const { queryClient } = renderWithProviders(<IntegrationSettingsPage />, {
      path: '/integrations/5',
      route: '/integrations/:id',
    });
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Service name');
    await user.type(name, ' 2');
    serverUp = false;
    await act(() => queryClient.invalidateQueries({ queryKey: integrationQueries.all }));
    expect(await screen.findByText('Could not refresh this page', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByText('The integration could not be loaded')).toBeNull();
    expect(screen.getByLabelText('Service name')).toBe(name);
    expect(name).toHaveValue('Checkout 2');
  });

  it('asks before leaving with unsaved changes', async () => {
    renderSettings();
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Service name');
    await user.type(name, ' 2');
    await user.click(screen.getByRole('link', { name: 'Back to Integrations' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(window.location.pathname).toBe('/integrations/5');
    expect(name).toHaveValue('Checkout 2');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('link', { name: 'Back to Integrations' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(window.location.pathname).toBe('/integrations'));
  });

  it('disconnects from the settings page and leaves it without asking for the deleted integration again', async () => {
    let deleted = false;
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [spec] },
      'GET /api/integrations/5': () => (deleted ? { status: 404, body: { detail: 'gone' } } : { body: stored }),
      'GET /api/integrations': () => ({ body: deleted ? [] : [stored] }),
      'GET /api/flows': { body: [] },
      'DELETE /api/integrations/5': () => {
        deleted = true;
        return new Response(null, { status: 204 });
      },
    });
    const { queryClient } = renderWithProviders(
      <Switch>
        <Route path="/integrations/:id">
          <IntegrationSettingsPage />
        </Route>
        <Route path="/integrations">
          <IntegrationsPage />
        </Route>
      </Switch>,
      { path: '/integrations/5', route: '/*' },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect PagerDuty?' });
    expect(await within(dialog).findByText('No Flow sends notifications to PagerDuty.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));

    await waitFor(() => expect(window.location.pathname).toBe('/integrations'));
    expect(await screen.findByText('The Integration has been successfully disconnected')).toBeInTheDocument();
    // Back where the user came from, focus on the list's heading rather than on the page body.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Integrations' })).toHaveFocus());
    const afterDelete = api.calls().slice(api.calls().indexOf('DELETE /api/integrations/5'));
    expect(afterDelete).not.toContain('GET /api/integrations/5');
    expect(queryClient.getQueryData(['integrations', 'detail', 5])).toBeUndefined();
  });

  it('says when the integration does not exist', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [spec] },
      'GET /api/integrations/9': { status: 404, body: { detail: 'Integration 9 not found' } },
    });
    renderWithProviders(<IntegrationSettingsPage />, { path: '/integrations/9', route: '/integrations/:id' });
    expect(await screen.findByRole('heading', { name: 'Integration not found' })).toBeInTheDocument();
  });
});
