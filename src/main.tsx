import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function AppShell() {
  return (
    <main>
      <h1>Qualytics Integrations</h1>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <AppShell />
    </StrictMode>,
  );
