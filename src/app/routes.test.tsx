import { act, screen, within } from '@testing-library/react';
import { Suspense, useMemo } from 'react';
import { useSearch } from 'wouter';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { mockApi } from '../api/mock-fetch';
import { RouteErrorBoundary } from '../shared/errors';
import { lazyPage } from './lazy-page';
import { navigate } from '../shared/navigation';
import { tokenStore } from '../shared/session';
import { manager, pagerDutySpec } from '../shared/testing/samples';
import { renderApp, renderWithProviders } from '../shared/testing/render-with-providers';

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
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/integrations');
    // Replaced, not pushed: Back does not land on the redirect again.
    expect(window.history.state).toMatchObject({ idx: 0 });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Flows' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main-content');
    expect(await screen.findByText('Maya Manager')).toBeInTheDocument();
    expect(screen.getByText('Manager')).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown address', async () => {
    mockApi({ 'GET /api/users/me': { body: manager } });
    renderApp('/nowhere/at/all');
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
    renderWithProviders(
      <RouteErrorBoundary>
        <Flaky />
      </RouteErrorBoundary>,
    );
    expect(await screen.findByText('This page could not be shown')).toBeInTheDocument();
    expect(screen.getByText(/Something went wrong while showing this page/)).toBeInTheDocument();
    broken = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Recovered' })).toBeInTheDocument();
  });

  /** A page whose download fails, as a chunk's does with the network gone, until `goOnline()`. */
  function flakyPage() {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let online = false;
    const load = vi.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module: /assets/page.js');
      return () => <h1>Downloaded</h1>;
    });
    return { Page: lazyPage(load), load, goOnline: () => (online = true) };
  }

  /** The failed download is explained; once online, Retry shows the page. */
  async function expectRetryDownloads(goOnline: () => void) {
    expect(await screen.findByText(/Part of the console could not be loaded/)).toBeInTheDocument();
    goOnline();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Downloaded' })).toBeInTheDocument();
  }

  it('says when a page could not be downloaded, and downloads it again on Retry', async () => {
    const { Page, goOnline } = flakyPage();
    renderWithProviders(
      <RouteErrorBoundary>
        <Suspense fallback={null}>
          <Page />
        </Suspense>
      </RouteErrorBoundary>,
    );
    await expectRetryDownloads(goOnline);
  });

  it('downloads the page again on Retry when its entry also waited for data', async () => {
    const { Page, load, goOnline } = flakyPage();
    function Entry() {
      const EntryPage = useMemo(() => Page.after(Promise.resolve()), []);
      return (
        <Suspense fallback={null}>
          <EntryPage />
        </Suspense>
      );
    }
    renderWithProviders(
      <RouteErrorBoundary>
        <Entry />
      </RouteErrorBoundary>,
    );
    await expectRetryDownloads(goOnline);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('names the failed request of an API error, and clears the error when the address changes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Flow() {
      if (useSearch() !== 'fixed')
        throw new ApiError({ kind: 'not_found', status: 404, detail: 'Flow 9 does not exist.' });
      return <h1>Fine now</h1>;
    }
    renderWithProviders(
      <RouteErrorBoundary>
        <Flow />
      </RouteErrorBoundary>,
      { path: '/flows/9', route: '/flows/:id' },
    );
    expect(await screen.findByText('Flow 9 does not exist.')).toBeInTheDocument();
    await act(async () => navigate('/flows/9?fixed'));
    expect(await screen.findByRole('heading', { name: 'Fine now' })).toBeInTheDocument();
  });
});
