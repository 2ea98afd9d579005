import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Link, Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { navigate, startAt } from './blockable-history';
import { NavigationRouter } from './navigation-router';
import { useBlocker } from './use-blocker';

/** Blocks a change of path (like LeavePrompt) and shows what the app shows. */
function Page() {
  const [pathname] = useLocation();
  const search = useSearch();
  const blocker = useBlocker((current, next) => current.pathname !== next.pathname);
  return (
    <>
      <p>
        shown: {pathname}
        {search && `?${search}`}
      </p>
      <p>blocker: {blocker.state}</p>
      <Link to="/elsewhere">Elsewhere</Link>
      <Link to="/form?step=2">Step 2</Link>
      <button onClick={blocker.proceed}>Proceed</button>
      <button onClick={blocker.reset}>Reset</button>
    </>
  );
}

function renderAt(path: string) {
  startAt(path);
  return render(
    <NavigationRouter>
      <Switch>
        <Route path="/old">
          <Redirect to="/form" replace />
        </Route>
        <Route path="/form">
          <Page />
        </Route>
        <Route>
          <p>shown: elsewhere</p>
        </Route>
      </Switch>
    </NavigationRouter>,
  );
}

const shown = (text: string) => screen.findByText(`shown: ${text}`);
const historyIndex = () => (window.history.state as { idx: number }).idx;

describe('blockable history', () => {
  beforeEach(() => startAt('/'));
  afterEach(() => startAt('/'));

  it('holds a link to another path until proceed, then goes there as a new entry', async () => {
    renderAt('/form');
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(screen.getByText('blocker: blocked')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/form');
    expect(await shown('/form')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Proceed' }));
    expect(await shown('elsewhere')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/elsewhere');
    expect(historyIndex()).toBe(1);
  });

  it('drops a held navigation on reset: address and page stay', async () => {
    renderAt('/form');
    const user = userEvent.setup();
    act(() => navigate('/elsewhere?x=1'));
    expect(screen.getByText('blocker: blocked')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByText('blocker: unblocked')).toBeInTheDocument();
    expect(`${window.location.pathname}${window.location.search}`).toBe('/form');
    expect(historyIndex()).toBe(0);
    expect(screen.getByText('shown: /form')).toBeInTheDocument();
  });

  it('undoes a held Back at once, and proceed completes it', async () => {
    renderAt('/elsewhere');
    act(() => navigate('/form'));
    expect(await shown('/form')).toBeInTheDocument();
    expect(historyIndex()).toBe(1);

    act(() => window.history.back());
    expect(await screen.findByText('blocker: blocked')).toBeInTheDocument();
    // The browser moved the address first; it is put back while the user decides.
    await waitFor(() => expect(window.location.pathname).toBe('/form'));
    expect(historyIndex()).toBe(1);
    expect(screen.getByText('shown: /form')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Proceed' }));
    expect(await shown('elsewhere')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/elsewhere');
    expect(historyIndex()).toBe(0);
  });

  it('never holds a move within the same path (the query string), nor Back within it', async () => {
    renderAt('/form');
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Step 2' }));
    expect(await shown('/form?step=2')).toBeInTheDocument();
    expect(screen.getByText('blocker: unblocked')).toBeInTheDocument();
    expect(historyIndex()).toBe(1);

    act(() => window.history.back());
    expect(await shown('/form')).toBeInTheDocument();
    expect(screen.getByText('blocker: unblocked')).toBeInTheDocument();
    expect(historyIndex()).toBe(0);
  });

  it('redirects with replace: no entry is left behind for Back to return to', async () => {
    renderAt('/old');
    expect(await shown('/form')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/form');
    expect(historyIndex()).toBe(0);
  });

  it('lets everything through once the blocker is gone', async () => {
    const { unmount } = renderAt('/form');
    unmount();
    navigate('/elsewhere');
    expect(window.location.pathname).toBe('/elsewhere');
  });
});
