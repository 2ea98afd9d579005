import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NotifierProvider } from './notifier';
import { theme, themeModeStorageKey } from './theme/theme';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={themeModeStorageKey} disableTransitionOnChange>
        <CssBaseline enableColorScheme />
        <NotifierProvider>{children}</NotifierProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
