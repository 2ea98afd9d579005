import type { QueryClient } from '@tanstack/react-query';
import { Navigate, type RouteObject } from 'react-router';
import { flowQueries, integrationQueries, specificationQueries } from '../api/queries';
import { LazyRouteErrorBoundary as RouteErrorBoundary } from './errors/lazy-error-views';
import { AppLayout } from './layout';
import { PageLoading } from './page-loading';
import { RequireAuth, tokenStore } from './session';

type Prefetch = (params: Record<string, string | undefined>) => { queryKey: readonly unknown[] }[];

/**
 * A loader that starts the page's queries while its chunk downloads, instead of after it renders. It never waits
 * for them (the page shows its own loading state), and does nothing when signed out (RequireAuth redirects).
 */
function prefetching(queryClient: QueryClient | undefined, queries: Prefetch) {
  return ({ params }: { params: Record<string, string | undefined> }) => {
    if (!queryClient || !tokenStore.getState().token) return null;
    for (const options of queries(params))
      void queryClient.prefetchQuery(options as Parameters<QueryClient['prefetchQuery']>[0]);
    return null;
  };
}

const positiveId = (value: string | undefined) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
};

/**
 * Every page is its own chunk, loaded when its route is first visited. With a query client, each route's loader
 * prefetches the page's data in parallel with that chunk.
 */
export function createRoutes(queryClient?: QueryClient): RouteObject[] {
  return [
    {
      path: '/sign-in',
      ErrorBoundary: RouteErrorBoundary,
      HydrateFallback: PageLoading,
      lazy: async () => ({ Component: (await import('./sign-in/sign-in-page')).SignInPage }),
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      ErrorBoundary: RouteErrorBoundary,
      HydrateFallback: PageLoading,
      children: [
        { index: true, element: <Navigate to="/integrations" replace /> },
        {
          path: 'integrations',
          ErrorBoundary: RouteErrorBoundary,
          loader: prefetching(queryClient, () => [specificationQueries.integrations(), integrationQueries.list()]),
          lazy: async () => ({
            Component: (await import('../features/integrations/integrations-page')).IntegrationsPage,
          }),
        },
        {
          path: 'integrations/:type/connect',
          ErrorBoundary: RouteErrorBoundary,
          // Only what the Connect step shows; the PagerDuty wizard loads the later steps' data once connected.
          loader: prefetching(queryClient, () => [specificationQueries.integrations(), integrationQueries.list()]),
          lazy: async () => ({ Component: (await import('../pages/setup-wizard-page')).SetupWizardPage }),
        },
        {
          path: 'integrations/:id',
          ErrorBoundary: RouteErrorBoundary,
          loader: prefetching(queryClient, ({ id }) => {
            const integrationId = positiveId(id);
            return integrationId === null
              ? []
              : [specificationQueries.integrations(), integrationQueries.detail(integrationId)];
          }),
          lazy: async () => ({
            Component: (await import('../features/integrations/integration-settings-page')).IntegrationSettingsPage,
          }),
        },
        {
          path: 'flows',
          ErrorBoundary: RouteErrorBoundary,
          loader: prefetching(queryClient, () => [flowQueries.list()]),
          lazy: async () => ({ Component: (await import('../pages/flows-page')).FlowsPage }),
        },
        {
          path: 'flows/:id',
          ErrorBoundary: RouteErrorBoundary,
          loader: prefetching(queryClient, ({ id }) => {
            const flowId = positiveId(id);
            return [
              ...(flowId === null ? [] : [flowQueries.detail(flowId)]),
              specificationQueries.actionNotifications(),
              specificationQueries.tokens(),
              integrationQueries.list(),
            ];
          }),
          lazy: async () => ({ Component: (await import('../pages/flow-detail-page')).FlowDetailPage }),
        },
        {
          path: '*',
          ErrorBoundary: RouteErrorBoundary,
          lazy: async () => ({ Component: (await import('./not-found-page')).NotFoundPage }),
        },
      ],
    },
  ];
}

/** The routes without prefetching, for tests that bring their own query client. */
export const routes: RouteObject[] = createRoutes();
