import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers';
import { queryClient } from './app/query-client';
import { NavigationRouter } from './shared/navigation';
import { AppRoutes } from './app/routes';
import './shared/session';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <NavigationRouter>
          <AppRoutes queryClient={queryClient} />
        </NavigationRouter>
      </AppProviders>
    </StrictMode>,
  );
