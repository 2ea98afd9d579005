import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Switch } from 'wouter';
import { AppProviders } from '../../app/app-providers';
import { NavigationRouter, startAt } from '../navigation';
import { createQueryClient } from '../../app/query-client';
import { AppRoutes } from '../../app/routes';

// Lazy routes and MUI transitions on a busy 2-core CI box can take longer than the 1 s default.
configure({ asyncUtilTimeout: 4000 });

/** Renders `children` under the app's real providers (fresh query cache) and router, starting at `path`. */
function renderAt(path: string, children: ReactNode, queryClient = createQueryClient()) {
  startAt(path);
  const utils = render(
    <AppProviders queryClient={queryClient}>
      <NavigationRouter>{children}</NavigationRouter>
    </AppProviders>,
  );
  return { ...utils, queryClient };
}

/**
 * The whole app at `path`. Route-entry prefetching is off unless asked for, so that tests which count requests
 * see only the page's own.
 */
export function renderApp(path = '/', { prefetch = false }: { prefetch?: boolean } = {}) {
  const queryClient = createQueryClient();
  return renderAt(path, <AppRoutes queryClient={prefetch ? queryClient : undefined} />, queryClient);
}

/** Renders one element at `path`, matched as `route` (so links, params and blockers work); elsewhere is a stub. */
export function renderWithProviders(
  element: ReactNode,
  { path = '/', route = '/' }: { path?: string; route?: string } = {},
) {
  return renderAt(
    path,
    <Switch>
      <Route path={route}>{element}</Route>
      <Route>
        <p>Elsewhere</p>
      </Route>
    </Switch>,
  );
}
