import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { RouteErrorBoundary } from './errors';
import { routes } from './routes';
import { tokenStore } from './session';
import { manager, pagerDutySpec } from './testing/samples';
import { renderRoutes } from './testing/render-with-providers';

describe('app routes', () => {
  beforeEach(() => tokenStore.setToken('good-token'));
  afterEach(() => {
    tokenStore.clear('signed-out');
    vi.unstubAllGlobals();
  });

  it('redirects / to the integrations page and marks its link as current', async () => {
    mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': { body: [] },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    const { router } = renderRoutes(routes, '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/integrations');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Flows' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main-content');
    expect(await screen.findByText('Maya Manager')).toBeInTheDocument();
    expect(screen.getByText('Manager')).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown address', async () => {
    mockApi({ 'GET /api/users/me': { body: manager } });
    renderRoutes(routes, '/nowhere/at/all');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('RouteErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the failure and renders the route again on Retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('render failed');
      return <h1>Recovered</h1>;
    }
    renderRoutes([{ path: '/', Component: Flaky, ErrorBoundary: RouteErrorBoundary }], '/');
    expect(await screen.findByText('This page could not be shown')).toBeInTheDocument();
    broken = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Recovered' })).toBeInTheDocument();
  });
});
