import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { Redirect, Route, Switch, useParams } from 'wouter';
import { flowQueries, integrationQueries, specificationQueries } from '../api/queries';
import { RouteErrorBoundary } from '../shared/errors/route-error-boundary';
import { AppLayout } from './layout';
import { lazyPage, type LazyPage } from './lazy-page';
import { PageLoading } from '../shared/page-loading';
import { routeDataReady, usePrefetchOnRouteEntry, type RoutePrefetch } from './route-prefetch';
import { RequireAuth } from '../shared/session';
import { parseId } from '../shared/navigation/parse-id';

export interface PageRoute {
  /** A wouter pattern. */
  path: string;
  /** The page, its own chunk. */
  Page: LazyPage;
  /** The page's queries, started as the route is entered. */
  prefetch?: RoutePrefetch;
}

/** The pages inside the signed-in layout. */
export const pageRoutes: readonly PageRoute[] = [
  {
    path: '/integrations',
    Page: lazyPage(async () => (await import('../pages/integrations-page')).IntegrationsPage),
    prefetch: () => [specificationQueries.integrations(), integrationQueries.list()],
  },
  {
    path: '/integrations/:type/connect',
    Page: lazyPage(async () => (await import('../pages/setup-wizard-page')).SetupWizardPage),
    // Only what the Connect step shows; the PagerDuty wizard loads the later steps' data once connected.
    prefetch: () => [specificationQueries.integrations(), integrationQueries.list()],
  },
  {
    path: '/integrations/:id',
    Page: lazyPage(async () => (await import('../pages/integration-settings-page')).IntegrationSettingsPage),
    prefetch: ({ id }) => {
      const integrationId = parseId(id);
      return integrationId === null
        ? []
        : [specificationQueries.integrations(), integrationQueries.detail(integrationId)];
    },
  },
  {
    path: '/flows',
    Page: lazyPage(async () => (await import('../pages/flows-page')).FlowsPage),
    prefetch: () => [flowQueries.list()],
  },
  {
    path: '/deliveries',
    Page: lazyPage(async () => (await import('../pages/deliveries-page')).DeliveriesPage),
  },
  {
    path: '/flows/:id',
    Page: lazyPage(async () => (await import('../pages/flow-detail-page')).FlowDetailPage),
    prefetch: ({ id }) => {
      const flowId = parseId(id);
      return [
        ...(flowId === null ? [] : [flowQueries.detail(flowId)]),
        specificationQueries.actionNotifications(),
        specificationQueries.tokens(),
        integrationQueries.list(),
      ];
    },
  },
];

const SignInPage = lazyPage(async () => (await import('../pages/sign-in-page')).SignInPage);
const NotFoundPage = lazyPage(async () => (await import('../pages/not-found-page')).NotFoundPage);

interface RouteEntryProps extends Pick<PageRoute, 'Page' | 'prefetch'> {
  /** Without one, nothing is prefetched and the page renders as soon as its chunk is in (tests that count requests). */
  queryClient?: QueryClient;
}

/**
 * One entry into a route (its params): the page's chunk and the queries it will ask for start together, and the
 * page renders once both are in (the data for at most `routeDataWaitMs`). That first render is then a retry of a
 * suspended one, which React time-slices, where data arriving after it is a synchronous re-render of the whole page.
 * Until then, and while only the chunk downloads, the loading status stands in for it.
 */
function RouteEntry({ Page, prefetch, queryClient }: RouteEntryProps) {
  const params = useParams();
  const entry = JSON.stringify(params);
  const EntryPage = useMemo(
    () => {
      const data = prefetch && queryClient && routeDataReady(queryClient, prefetch, params);
      return data ? Page.after(data) : Page;
    },
    // One wait per entry: `params` is a new object on every render, `entry` its value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [Page, prefetch, queryClient, entry],
  );
  return (
    <Suspense fallback={<PageLoading label="Loading page" />}>
      {/* One component per entry, memoised above: a new entry (other params, still missing data) mounts afresh. */}
      {/* eslint-disable-next-line react-hooks/static-components */}
      <EntryPage />
    </Suspense>
  );
}

/** A page with its own error boundary; a Retry there starts a new entry (chunk and data asked for again). */
function RoutePage(route: RouteEntryProps) {
  return (
    <RouteErrorBoundary>
      <RouteEntry {...route} />
    </RouteErrorBoundary>
  );
}

/**
 * The app's routes: sign-in on its own, everything else signed in and inside the layout. With a query client, a
 * route's queries start as it is entered, in parallel with its page's chunk.
 */
export function AppRoutes({ queryClient }: { queryClient?: QueryClient }) {
  usePrefetchOnRouteEntry(queryClient, pageRoutes);
  return (
    <Switch>
      <Route path="/sign-in">
        <RoutePage Page={SignInPage} />
      </Route>
      <Route>
        <RouteErrorBoundary>
          <RequireAuth>
            <AppLayout>
              <Switch>
                <Route path="/">
                  <Redirect to="/integrations" replace />
                </Route>
                {pageRoutes.map(({ path, Page, prefetch }) => (
                  // The key gives each route its own boundary and loading state.
                  <Route key={path} path={path}>
                    <RoutePage Page={Page} prefetch={prefetch} queryClient={queryClient} />
                  </Route>
                ))}
                <Route>
                  <RoutePage Page={NotFoundPage} />
                </Route>
              </Switch>
            </AppLayout>
          </RequireAuth>
        </RouteErrorBoundary>
      </Route>
    </Switch>
  );
}
