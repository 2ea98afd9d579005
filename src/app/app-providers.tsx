import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
// The system's provider, not Material's: Material's imports its CSS-variables provider too (see theme.ts).
import { ThemeProvider } from '@mui/system';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useLayoutEffect, type ReactNode } from 'react';
import { ConflictProvider } from '../shared/conflict';
import { NotifierProvider } from '../shared/notifier';
import { useColorMode } from './theme/color-mode';
import { themeFor } from './theme/theme';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // Read in the first render, so the first paint is in the stored mode (no second render of the page after mount).
  const { scheme } = useColorMode();
  // The scheme in force names a class on <html> (`light` / `dark`), as MUI's scheme provider did: the page says
  // which mode it is in. Before paint, so nothing shows in the other mode first.
  useLayoutEffect(() => {
    document.documentElement.classList.remove(scheme === 'dark' ? 'light' : 'dark');
    document.documentElement.classList.add(scheme);
  }, [scheme]);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={themeFor(scheme)}>
        <CssBaseline enableColorScheme />
        {/* Names, messages and keys can be one long unbroken word: wrap it rather than push the page sideways. */}
        <GlobalStyles styles={{ body: { overflowWrap: 'anywhere' } }} />
        <NotifierProvider>
          <ConflictProvider>{children}</ConflictProvider>
        </NotifierProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
