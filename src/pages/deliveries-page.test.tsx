import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delivery } from '../api/contract';
import { mockApi, type RecordedRequest } from '../api/mock-fetch';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import { DeliveriesPage } from './deliveries-page';

const renderAt = (path: string) => renderWithProviders(<DeliveriesPage />, { path, route: '/deliveries' });

const delivery = (id: number, status: Delivery['status']): Delivery => ({
  id,
  kind: 'trigger',
  status,
  integration_id: 1,
  flow_id: 3,
  action_id: 4,
  execution_id: 5,
  key_source: 'integration',
  key_last4: 'abcd',
  dedup_key: `dedup-${id}`,
  event: null,
  incident_state: status === 'delivered' ? 'triggered' : null,
  attempts: [],
  next_attempt_at: status === 'retrying' ? '2099-01-01T00:00:00Z' : null,
  created: '2026-12-01T10:00:00Z',
  updated: '2026-12-01T10:00:00Z',
});

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  // jsdom lays nothing out: give the virtualised table's scroll box a screenful, as a browser would.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ width: 1200, height: 600 }),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const logReads = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/api/notifications/deliveries');

describe('DeliveriesPage', () => {
  it('sends the filters of the address to the server and asks nothing more while the log is idle', async () => {
    const api = mockApi({
      'GET /api/notifications/deliveries': { body: { items: [delivery(2, 'failed')], next_cursor: null } },
      'GET /api/flows': { body: [] },
    });
    renderAt('/deliveries?status=failed&kind=trigger&flow=3&bogus=1');
    expect(await screen.findByRole('button', { name: /^Open Trigger delivery #2/ })).toBeInTheDocument();
    expect(logReads(api.requests)[0]?.search).toBe('?status=failed&kind=trigger&flow_id=3&limit=50');
    expect(screen.getByLabelText('Status')).toHaveValue('failed');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(logReads(api.requests)).toHaveLength(1);
  });

  it('keeps asking while a delivery is retrying, and loads the next keyset page on Load more', async () => {
    const api = mockApi({
      'GET /api/notifications/deliveries': (request) => ({
        body: request.search.includes('before=c1')
          ? { items: [delivery(1, 'delivered')], next_cursor: null }
          : { items: [delivery(2, 'retrying')], next_cursor: 'c1' },
      }),
      'GET /api/flows': { body: [] },
    });
    renderAt('/deliveries');
    expect(await screen.findByText(/^Retrying — next attempt in/)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(3_500));
    expect(logReads(api.requests).length).toBeGreaterThan(1);
    screen.getByRole('button', { name: 'Load more' }).click();
    expect(await screen.findByRole('button', { name: /^Open Trigger delivery #1/ })).toBeInTheDocument();
    expect(logReads(api.requests).some((r) => r.search.includes('before=c1'))).toBe(true);
  });

  it('says in one calm line when the server has no delivery log', async () => {
    mockApi({
      'GET /api/notifications/deliveries': { status: 404, body: { detail: 'Not Found' } },
      'GET /api/flows': { status: 404, body: { detail: 'Not Found' } },
    });
    renderAt('/deliveries');
    expect(await screen.findByText('This server does not offer a delivery log.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
