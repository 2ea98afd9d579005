import type { QueryClient } from '@tanstack/react-query';
import { Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { flowQueries, integrationQueries, specificationQueries } from '../api/queries';
import { RouteErrorBoundary } from '../shared/errors/route-error-boundary';
import { AppLayout } from './layout';
import { lazyPage } from './lazy-page';
import { PageLoading } from '../shared/page-loading';
import { usePrefetchOnRouteEntry, type RoutePrefetch } from './route-prefetch';
import { RequireAuth } from '../shared/session';
import { parseId } from '../shared/navigation/parse-id';

export interface PageRoute {
  /** A wouter pattern. */
  path: string;
  /** The page, its own chunk. */
  Page: ComponentType;
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

/** A page with its own error boundary; while its chunk downloads, the loading status stands in for it. */
function RoutePage({ Page }: { Page: ComponentType }) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<PageLoading label="Loading page" />}>
        <Page />
      </Suspense>
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
                {pageRoutes.map(({ path, Page }) => (
                  // The key gives each route its own boundary and loading state.
                  <Route key={path} path={path}>
                    <RoutePage Page={Page} />
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
