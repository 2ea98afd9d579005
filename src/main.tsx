import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers';
import { queryClient } from './app/query-client';
import { NavigationRouter } from './shared/navigation';
import { AppRoutes } from './app/routes';
import './shared/session';

const root = document.getElementById('root');
// In a transition, the first render is time-sliced: React yields to the browser every few milliseconds instead of
// holding the main thread for the whole tree, which on a slow phone was one long task blocking input.
if (root)
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <AppProviders queryClient={queryClient}>
          <NavigationRouter>
            <AppRoutes queryClient={queryClient} />
          </NavigationRouter>
        </AppProviders>
      </StrictMode>,
    ),
  );
