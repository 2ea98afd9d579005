import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { mockApi } from '../api/mock-fetch';
import { AppProviders } from './app-providers';
import { createQueryClient } from './query-client';
import { createRoutes } from './routes';
import { tokenStore } from './session';
import { manager, pagerDutySpec } from './testing/samples';

function renderApp(path: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { queryClient, router };
}

function childRoute(routes: RouteObject[], path: string): RouteObject {
  const route = routes[1]?.children?.find((child) => child.path === path);
  if (!route) throw new Error(`no route ${path}`);
  return route;
}

const callLoader = (route: RouteObject, params: Record<string, string>) =>
  (route.loader as (args: { params: Record<string, string> }) => unknown)({ params });

describe('route loaders', () => {
  beforeEach(() => tokenStore.setToken('good-token'));
  afterEach(() => {
    tokenStore.clear('signed-out');
    vi.unstubAllGlobals();
  });

  it("start the page's queries with its chunk, and the page asks for each only once", async () => {
    const api = mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': { body: [] },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    renderApp('/integrations');
    // The loader ran before the lazy page rendered: both requests are already on their way.
    expect(api.calls()).toEqual(
      expect.arrayContaining(['GET /api/integrations-specifications', 'GET /api/integrations']),
    );
    expect(await screen.findByRole('article', { name: 'PagerDuty' })).toBeInTheDocument();
    expect(api.calls().filter((call) => call === 'GET /api/integrations')).toHaveLength(1);
    expect(api.calls().filter((call) => call === 'GET /api/integrations-specifications')).toHaveLength(1);
  });

  it('prefetch only what the Connect step shows', () => {
    const api = mockApi({});
    const connect = childRoute(createRoutes(createQueryClient()), 'integrations/:type/connect');
    expect(callLoader(connect, { type: 'pagerduty' })).toBeNull();
    expect(api.calls().sort()).toEqual(['GET /api/integrations', 'GET /api/integrations-specifications']);
  });

  it('prefetch a flow with what its action editor needs', () => {
    const api = mockApi({});
    callLoader(childRoute(createRoutes(createQueryClient()), 'flows/:id'), { id: '7' });
    expect(api.calls().sort()).toEqual([
      'GET /api/action-notification-specifications',
      'GET /api/flows/7',
      'GET /api/flows/actions/notification/tokens',
      'GET /api/integrations',
    ]);
  });

  it('ask nothing when signed out, or for an id that is not one', () => {
    const api = mockApi({});
    const routes = createRoutes(createQueryClient());
    callLoader(childRoute(routes, 'flows/:id'), { id: 'abc' });
    expect(api.calls()).not.toContain('GET /api/flows/abc');
    tokenStore.clear('signed-out');
    api.requests.length = 0;
    callLoader(childRoute(routes, 'integrations'), {});
    callLoader(childRoute(routes, 'flows/:id'), { id: '3' });
    expect(api.calls()).toEqual([]);
  });
});
