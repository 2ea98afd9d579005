import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Integration } from '../api/contract';
import { mockApi } from '../api/mock-fetch';
import { registerDescriptor } from '../integrations';
import { tokenStore } from '../shared/session';
import { exampleChatDescriptor, exampleChatIntegration, exampleChatSpec } from '../shared/testing/example-chat';
import { renderApp } from '../shared/testing/render-with-providers';
import { manager } from '../shared/testing/samples';

describe('a type the generic code never names: Example Chat', () => {
  let unregister = () => {};
  beforeEach(() => {
    tokenStore.setToken('good-token');
    unregister = registerDescriptor(exampleChatDescriptor);
  });
  afterEach(() => {
    unregister();
    tokenStore.clear('signed-out');
    vi.unstubAllGlobals();
  });

  it('connects with a renamed secret and a listed channel, shows its settings, and disconnects', async () => {
    let stored: Integration[] = [];
    const api = mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations-specifications': { body: [exampleChatSpec] },
      'GET /api/integrations': () => ({ body: stored }),
      'GET /api/alerting/example_chat/list-channels': {
        body: [
          { id: 'C1', name: '#alerts' },
          { id: 'C2', name: '#ops' },
        ],
      },
      'POST /api/integrations': () => {
        stored = [exampleChatIntegration];
        return { status: 201, body: exampleChatIntegration };
      },
      'GET /api/integrations/11': { body: exampleChatIntegration },
      'DELETE /api/integrations/11': { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/integrations/example_chat/connect');

    // Connect: the unknown type is entered as text with a note; the channel is picked from the listed ones.
    expect(await screen.findByRole('heading', { level: 1, name: 'Add Example Chat integration' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Bot Token/), 'xoxb-123');
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Channel/ }), '#alerts');
    expect(screen.getByText('Unsupported field type "colour": entered as text')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Accent' }), '#f00');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(api.calls()).toContain('POST /api/integrations'));
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({
      type: 'example_chat',
      api_access_token: 'xoxb-123',
      channel: 'C1',
      accent: '#f00',
    });

    // Settings: the optional token is Configured because the server says so; the stored channel is selected.
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Example Chat integration' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace Bot Token' })).toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: /^Channel/ })).toHaveValue('C2');
    expect(screen.getByRole('textbox', { name: 'Accent' })).toHaveValue('#0af');

    // Disconnect: no flow check (the type delivers no flow actions), then back to the catalog.
    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect Example Chat?' });
    stored = [];
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText('The Integration has been successfully disconnected')).toBeInTheDocument();
    expect(api.calls()).toContain('DELETE /api/integrations/11');
    expect(api.calls()).not.toContain('GET /api/flows');
  });
});
