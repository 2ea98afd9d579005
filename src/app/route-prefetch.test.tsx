import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { navigate } from '../shared/navigation';
import { createQueryClient } from './query-client';
import { prefetchRouteQueries, routeDataReady } from './route-prefetch';
import { integrationQueries } from '../api/queries';
import { pageRoutes } from './routes';
import { tokenStore } from '../shared/session';
import { manager, pagerDutySpec } from '../shared/testing/samples';
import { renderApp } from '../shared/testing/render-with-providers';

function prefetchOf(path: string) {
  const prefetch = pageRoutes.find((route) => route.path === path)?.prefetch;
  if (!prefetch) throw new Error(`no prefetch for ${path}`);
  return prefetch;
}

describe('route prefetching', () => {
  beforeEach(() => tokenStore.setToken('good-token'));
  afterEach(() => {
    tokenStore.clear('signed-out');
    vi.unstubAllGlobals();
  });

  it("starts the page's queries with its chunk, and the page asks for each only once", async () => {
    const api = mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': { body: [] },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    renderApp('/integrations', { prefetch: true });
    // The page's chunk is still on its way, its queries are already asked for.
    expect(screen.getByRole('progressbar', { name: 'Loading page' })).toBeInTheDocument();
    expect(api.calls()).toEqual(
      expect.arrayContaining(['GET /api/integrations-specifications', 'GET /api/integrations']),
    );
    expect(await screen.findByRole('article', { name: 'PagerDuty' })).toBeInTheDocument();
    expect(api.calls().filter((call) => call === 'GET /api/integrations')).toHaveLength(1);
    expect(api.calls().filter((call) => call === 'GET /api/integrations-specifications')).toHaveLength(1);
  });

  it("renders the page once its data is in: the page's first render has it, no loading state in between", async () => {
    let answer: (value: { body: unknown }) => void = () => undefined;
    mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': () => new Promise((resolve) => (answer = resolve)),
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    renderApp('/integrations', { prefetch: true });
    // Once the page's chunk is in (the same module the route loads), the page still waits for its list.
    await act(async () => void (await import('../pages/integrations-page')));
    expect(screen.getByRole('progressbar', { name: 'Loading page' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Integrations' })).not.toBeInTheDocument();
    await act(async () => answer({ body: [] }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'PagerDuty' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Loading integrations')).not.toBeInTheDocument();
  });

  it('starts as a route is entered, before React renders it, and not again for a move within it', async () => {
    const api = mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': { body: [] },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/flows': { body: [] },
    });
    renderApp('/integrations', { prefetch: true });
    expect(await screen.findByRole('article', { name: 'PagerDuty' })).toBeInTheDocument();
    expect(api.calls()).not.toContain('GET /api/flows');

    // Outside act(): React has not rendered anything of the flows page when the request leaves.
    navigate('/flows');
    expect(api.calls()).toContain('GET /api/flows');
    expect(screen.queryByRole('heading', { level: 1, name: 'Flows' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Flows' })).toBeInTheDocument();

    const before = api.calls().length;
    await act(async () => navigate('/flows?sort=name'));
    expect(api.calls()).toHaveLength(before);
  });

  it('prefetch only what the Connect step shows', () => {
    const api = mockApi({});
    prefetchRouteQueries(createQueryClient(), prefetchOf('/integrations/:type/connect'), { type: 'pagerduty' });
    expect(api.calls().sort()).toEqual(['GET /api/integrations', 'GET /api/integrations-specifications']);
  });

  it('prefetch a flow with what its action editor needs', () => {
    const api = mockApi({});
    prefetchRouteQueries(createQueryClient(), prefetchOf('/flows/:id'), { id: '7' });
    expect(api.calls().sort()).toEqual([
      'GET /api/action-notification-specifications',
      'GET /api/flows/7',
      'GET /api/flows/actions/notification/tokens',
      'GET /api/integrations',
    ]);
  });

  it('ask nothing when signed out, or for an id that is not one', () => {
    const api = mockApi({});
    const queryClient = createQueryClient();
    prefetchRouteQueries(queryClient, prefetchOf('/flows/:id'), { id: 'abc' });
    expect(api.calls()).not.toContain('GET /api/flows/abc');
    tokenStore.clear('signed-out');
    api.requests.length = 0;
    prefetchRouteQueries(queryClient, prefetchOf('/integrations'), {});
    prefetchRouteQueries(queryClient, prefetchOf('/flows/:id'), { id: '3' });
    expect(api.calls()).toEqual([]);
  });
});

describe('routeDataReady', () => {
  beforeEach(() => tokenStore.setToken('good-token'));
  afterEach(() => {
    tokenStore.clear('signed-out');
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const listOnly = () => [integrationQueries.list()];

  it('waits for a missing query to settle, answered or failed', async () => {
    const queryClient = createQueryClient();
    mockApi({ 'GET /api/integrations': { status: 403, body: { detail: 'Managers only' } } });
    let settled = false;
    const ready = routeDataReady(queryClient, listOnly, {})?.then(() => (settled = true));
    expect(ready).toBeDefined();
    expect(settled).toBe(false);
    await ready;
    expect(queryClient.getQueryState(integrationQueries.list().queryKey)?.status).toBe('error');
  });

  it('gives up waiting after its limit, and the page then shows its own loading state', async () => {
    vi.useFakeTimers();
    mockApi({ 'GET /api/integrations': () => new Promise(() => undefined) });
    let settled = false;
    void routeDataReady(createQueryClient(), listOnly, {}, 2_000)?.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('does not wait for what is already cached, nor when signed out', () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(integrationQueries.list().queryKey, []);
    expect(routeDataReady(queryClient, listOnly, {})).toBeUndefined();
    tokenStore.clear('signed-out');
    expect(routeDataReady(createQueryClient(), listOnly, {})).toBeUndefined();
  });
});
