import { Navigate, type RouteObject } from 'react-router';
import { RouteErrorBoundary } from './errors';
import { AppLayout } from './layout';
import { PageLoading } from './page-loading';
import { RequireAuth } from './session';

/** Every page is its own chunk, loaded when its route is first visited. */
export const routes: RouteObject[] = [
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
        lazy: async () => ({
          Component: (await import('../features/integrations/integrations-page')).IntegrationsPage,
        }),
      },
      {
        path: 'integrations/:type/connect',
        ErrorBoundary: RouteErrorBoundary,
        lazy: async () => ({ Component: (await import('../pages/setup-wizard-page')).SetupWizardPage }),
      },
      {
        path: 'integrations/:id',
        ErrorBoundary: RouteErrorBoundary,
        lazy: async () => ({
          Component: (await import('../features/integrations/integration-settings-page')).IntegrationSettingsPage,
        }),
      },
      {
        path: 'flows',
        ErrorBoundary: RouteErrorBoundary,
        lazy: async () => ({ Component: (await import('../pages/flows-page')).FlowsPage }),
      },
      {
        path: 'flows/:id',
        ErrorBoundary: RouteErrorBoundary,
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
