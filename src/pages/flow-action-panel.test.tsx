import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitForElementToBeRemoved, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'wouter';
import { NavigationRouter } from '../shared/navigation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Flow, SpecProperty } from '../api/contract';
import { ConflictProvider } from '../shared/conflict';
import { NotifierProvider } from '../shared/notifier';
import { FlowActionPanel } from './flow-action-panel';
import type { ActionDependencies } from './use-action-dependencies';

const properties: SpecProperty[] = [
  {
    field: 'severity',
    map_to: 'parameters',
    title: 'Severity',
    type: 'enum',
    values: [
      { label: 'Info', value: 'info' },
      { label: 'Error', value: 'error' },
    ],
    default: 'info',
  },
  { field: 'custom_details', map_to: 'parameters', title: 'Additional Details', type: 'object' },
  { field: 'routing_key', map_to: 'parameters', title: 'Routing Key Override', type: 'string', secret: true },
];

const flow: Flow = {
  id: 3,
  name: 'Nightly',
  trigger_type: 'anomaly',
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  actions: [
    {
      id: 11,
      type: 'PagerDuty',
      tokenized_message: 'First',
      parameters: { severity: 'error', custom_details: {}, routing_key_configured: true },
    },
    {
      id: 12,
      type: 'PagerDuty',
      tokenized_message: 'Second',
      parameters: { severity: 'info', custom_details: { a: 1 }, routing_key_configured: false },
    },
  ],
};

const deps = {
  properties,
  allTokens: [],
  tokensFor: () => [],
  integration: { id: 1, type: 'pagerduty', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z' },
} as unknown as ActionDependencies;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function show(action = flow.actions[1]) {
  const onClose = vi.fn();
  const { unmount } = render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <NotifierProvider>
        <ConflictProvider>
          <NavigationRouter>
            <Link href="/elsewhere">Elsewhere</Link>
            <FlowActionPanel flow={flow} action={action} deps={deps} onClose={onClose} />
          </NavigationRouter>
        </ConflictProvider>
      </NotifierProvider>
    </QueryClientProvider>,
  );
  return { onClose, unmount, panel: screen.getByRole('dialog', { name: 'PagerDuty notification' }) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('FlowActionPanel', () => {
  it('PUTs the whole list: other actions keep their id and never resend a key', async () => {
    const fetchMock = vi.fn(async () => json(200, flow));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { onClose, panel } = show();
    const message = within(panel).getByRole('combobox', { name: 'Message' });
    await user.clear(message);
    await user.type(message, 'Changed');
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/flows/3');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual({
      actions: [
        {
          id: 11,
          type: 'PagerDuty',
          tokenized_message: 'First',
          parameters: { severity: 'error', custom_details: {} },
        },
        {
          id: 12,
          type: 'PagerDuty',
          tokenized_message: 'Changed',
          parameters: { severity: 'info', custom_details: { a: 1 } },
        },
      ],
    });
    expect(await screen.findByText('The Flow has been successfully updated.')).toBeInTheDocument();
  });

  it('a save that lost a race opens the conflict dialog once, even without the current version, and keeps the form', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(409, { detail: 'This flow was changed by someone else since you opened it.' })),
    );
    const user = userEvent.setup();
    const { onClose, panel } = show();
    const message = within(panel).getByRole('combobox', { name: 'Message' });
    await user.clear(message);
    await user.type(message, 'Mine');
    await user.click(within(panel).getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Changed somewhere else' });
    expect(dialog).toHaveTextContent('Reload to see the current version');
    // Nothing to compare without the server's version: no guessed list of changes.
    expect(within(dialog).queryByRole('list', { name: 'What changed' })).toBeNull();
    // Said once, in the dialog, not again above the form.
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(message).toHaveValue('Mine');
    expect(onClose).not.toHaveBeenCalled();
  });

  it("puts the server's field errors on the field and keeps what was typed", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(422, {
          detail: [
            {
              loc: ['body', 'actions', 1, 'parameters', 'routing_key'],
              msg: 'Too long for a routing key',
              type: 'too_big',
            },
          ],
        }),
      ),
    );
    const user = userEvent.setup();
    const { onClose, panel } = show();
    await user.click(within(panel).getByLabelText('Routing Key Override'));
    await user.paste('k'.repeat(40));
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    expect(await within(panel).findByText('Too long for a routing key')).toBeInTheDocument();
    expect(within(panel).getByLabelText('Routing Key Override')).toHaveValue('k'.repeat(40));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('explains a refused override like the test card, with PagerDuty’s words beneath', async () => {
    const words = "Length of 'routing_key' is incorrect (should be 32 characters)";
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(422, {
          detail: [
            { loc: ['body', 'actions', 1, 'parameters', 'routing_key'], msg: words, type: 'pagerduty.invalid_key' },
          ],
        }),
      ),
    );
    const user = userEvent.setup();
    const { panel } = show();
    await user.click(within(panel).getByLabelText('Routing Key Override'));
    await user.paste('not-a-key');
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    const explained = await within(panel).findByText(/^Wrong routing key: A routing key is exactly 32 letters/);
    expect(explained).toHaveTextContent(/What to do: In PagerDuty, open Services/);
    expect(explained).toHaveTextContent(`PagerDuty said: “${words}”`);
  });

  it('asks before discarding unsaved changes', async () => {
    const user = userEvent.setup();
    const { onClose, panel } = show();
    await user.type(within(panel).getByRole('combobox', { name: 'Message' }), ' more');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    const confirm = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    await waitForElementToBeRemoved(() => screen.queryByRole('dialog', { name: 'Discard your changes?' }));
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', {
        name: 'Discard',
      }),
    );
    expect(onClose).toHaveBeenCalled();
  });

  it('says nothing changed and sends nothing when Save is pressed on an unchanged action', async () => {
    const fetchMock = vi.fn(async () => json(200, flow));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { onClose, panel } = show();
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    expect(await within(panel).findByText('Nothing changed, so nothing was saved.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByText('The Flow has been successfully updated')).toBeNull();
  });

  it('keeps unsaved changes (never the routing key) for the next time the panel opens, until discarded', async () => {
    const user = userEvent.setup();
    const first = show();
    await user.type(within(first.panel).getByRole('combobox', { name: 'Message' }), ' kept');
    await user.click(within(first.panel).getByLabelText('Routing Key Override'));
    await user.paste('r'.repeat(32));
    expect(JSON.stringify(sessionStorage)).not.toContain('r'.repeat(32));
    first.unmount();

    // As after a reload, or after the page lost the panel: the edit comes back, marked as unsaved.
    const second = show();
    const message = within(second.panel).getByRole('combobox', { name: 'Message' });
    await vi.waitFor(() => expect(message).toHaveValue('Second kept'));
    expect(within(second.panel).getByText(/Your unsaved changes to this action were kept/)).toHaveTextContent(
      'Type the Routing Key Override again',
    );
    await user.click(within(second.panel).getByRole('button', { name: 'Cancel' }));
    const confirm = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Discard' }));
    expect(second.onClose).toHaveBeenCalled();
    second.unmount();

    const third = show();
    expect(within(third.panel).getByRole('combobox', { name: 'Message' })).toHaveValue('Second');
    expect(within(third.panel).queryByText(/unsaved changes to this action were kept/)).toBeNull();
  });

  it('asks before leaving the page with unsaved changes', async () => {
    const user = userEvent.setup();
    const { panel } = show();
    await user.type(within(panel).getByRole('combobox', { name: 'Message' }), ' more');
    // The drawer is modal: leave as the browser would, through the app's router.
    window.history.pushState(null, '', '/flows/3');
    (screen.getByRole('link', { name: 'Elsewhere', hidden: true }) as HTMLAnchorElement).click();
    expect(await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' })).toHaveTextContent(
      'kept in this tab',
    );
  });
});
