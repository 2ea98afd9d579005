import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app-providers';
import { createQueryClient } from '../query-client';

// Lazy routes and MUI transitions on a busy 2-core CI box can take longer than the 1 s default.
configure({ asyncUtilTimeout: 4000 });

/** Renders routes with the app's real providers (fresh query cache) at `path`. */
export function renderRoutes(routes: RouteObject[], path = '/') {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const utils = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, router, queryClient };
}

/** Renders one element at `path` inside a router (so links, params and blockers work). */
export function renderWithProviders(
  element: ReactNode,
  { path = '/', route = '/' }: { path?: string; route?: string } = {},
) {
  return renderRoutes(
    [
      { path: route, element },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    path,
  );
}
