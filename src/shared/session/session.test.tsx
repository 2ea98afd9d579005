import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../api/mock-fetch';
import { manager, pagerDutyIntegration, pagerDutySpec } from '../testing/samples';
import { renderApp } from '../testing/render-with-providers';
import { sessionStorageKey, tokenStore } from './token-store';

describe('tokenStore', () => {
  afterEach(() => tokenStore.clear('signed-out'));

  it('keeps the token in sessionStorage, never in localStorage', () => {
    tokenStore.setToken('abc');
    expect(sessionStorage.getItem(sessionStorageKey)).toBe('abc');
    expect(JSON.stringify({ ...localStorage })).not.toContain('abc');
    tokenStore.clear('signed-out');
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();
    expect(tokenStore.getToken()).toBeNull();
  });

  it('remembers why the session ended', () => {
    tokenStore.setToken('abc');
    tokenStore.clear('expired');
    expect(tokenStore.getState().reason).toBe('expired');
  });
});

describe('session in the app', () => {
  beforeEach(() => tokenStore.clear('signed-out'));
  afterEach(() => vi.unstubAllGlobals());

  it('sends a signed-out visitor to sign in, then back to where they were going', async () => {
    const api = mockApi({
      'GET /api/users/me': ({ headers }) =>
        headers.get('Authorization') === 'Bearer good-token'
          ? { body: manager }
          : { status: 401, body: { detail: 'Invalid token' } },
      'GET /api/integrations/5': { body: pagerDutyIntegration },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    renderApp('/integrations/5');
    const user = userEvent.setup();

    const tokenInput = await screen.findByLabelText(/API token/);
    // Focused by an effect, which may run just after the input is in the DOM (CI once looked in between).
    await waitFor(() => expect(tokenInput).toHaveFocus());
    expect(window.location.pathname).toBe('/sign-in');
    expect(window.location.search).toBe(`?next=${encodeURIComponent('/integrations/5')}`);

    await user.type(tokenInput, 'bad-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/not recognised/)).toBeInTheDocument();
    expect(tokenInput).toHaveValue('bad-token');
    expect(tokenStore.getToken()).toBeNull();

    await user.clear(tokenInput);
    await user.type(tokenInput, 'good-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Edit PagerDuty integration' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/integrations/5');
    expect(sessionStorage.getItem(sessionStorageKey)).toBe('good-token');
    expect(screen.getByText('Maya Manager')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.path === '/api/users/me')).toHaveLength(2);
  });

  it('drops the token on a 401 anywhere and asks to sign in again, remembering the page', async () => {
    tokenStore.setToken('stale-token');
    mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': { status: 401, body: { detail: 'Token revoked' } },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    renderApp('/integrations');

    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/integrations');
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();
  });

  it('signs out from the app bar', async () => {
    tokenStore.setToken('good-token');
    mockApi({
      'GET /api/users/me': { body: manager },
      'GET /api/integrations': { body: [] },
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
    });
    renderApp('/integrations');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(tokenStore.getToken()).toBeNull();
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();
  });

  it('refuses to send the user to another origin after sign in', async () => {
    mockApi({ 'GET /api/users/me': { body: manager }, 'GET /api/integrations': { body: [] } });
    renderApp('/sign-in?next=//evil.example.com');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/API token/), 'good-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(window.location.pathname).toBe('/integrations'));
  });
});
