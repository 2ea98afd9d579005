import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NavigationRouter } from '../../shared/navigation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestNotificationRequest, TestNotificationResponse } from '../../api/contract';
import { SendTest } from './send-test-button';

const request: TestNotificationRequest = {
  type: 'PagerDuty',
  tokenized_message: 'Disk full',
  parameters: { severity: 'warning' },
};

const response: TestNotificationResponse = {
  status: 'success',
  message: 'Notification successfully sent.',
  sent_at: '2026-03-12T10:30:00Z',
  key_source: 'integration',
  routing_key_last4: 'abcd',
  pagerduty: { status: 'success', message: 'Event processed', dedup_key: 'qualytics-test-1' },
  event: {
    routing_key: '…abcd',
    event_action: 'trigger',
    dedup_key: 'qualytics-test-1',
    client: 'Qualytics',
    client_url: 'https://example.qualytics.io',
    payload: {
      summary: 'Disk full',
      timestamp: '2026-03-12T10:30:00Z',
      severity: 'warning',
      source: 'https://example.qualytics.io',
    },
  },
};

function show(prepare: () => Promise<TestNotificationRequest | null>) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NavigationRouter>
        <SendTest prepare={prepare} />
      </NavigationRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('SendTest', () => {
  it('warns that a test creates a real incident', () => {
    show(async () => request);
    expect(screen.getByText(/PagerDuty opens an incident/)).toBeInTheDocument();
  });

  it('shows progress, cannot be pressed twice, then keeps the delivered result on screen', async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    show(async () => request);

    await user.click(screen.getByRole('button', { name: 'Send test' }));
    const busy = await screen.findByRole('button', { name: 'Sending test…' });
    // Busy, not disabled: a disabled button would drop focus to the page body (or the top of a side panel).
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(busy).toHaveFocus();
    // A second press, by pointer or keyboard, sends nothing more.
    busy.click();
    await user.keyboard('{Enter}');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(String(init.body))).toEqual(request);

    answer(new Response(JSON.stringify(response), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const result = await screen.findByRole('region', { name: 'Test result' });
    expect(result).toHaveTextContent('Disk full');
    await waitFor(() => expect(result).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Send test' })).toBeEnabled();
  });

  it('sends nothing while the form is invalid', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    show(async () => null);
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows PagerDuty's refusal with what to do", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              detail: 'PagerDuty refused the routing key',
              code: 'invalid_key',
              pagerduty: { http_status: 400, status: 'invalid event', message: 'Invalid routing key' },
            }),
            { status: 400, headers: { 'Content-Type': 'application/json' } },
          ),
      ),
    );
    const user = userEvent.setup();
    show(async () => request);
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    const result = await screen.findByRole('region', { name: 'Test result' });
    expect(result).toHaveTextContent('Not delivered: Wrong routing key');
    expect(result).toHaveTextContent('Invalid routing key');
  });
});
