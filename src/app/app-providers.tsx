import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConflictProvider } from '../shared/conflict';
import { NotifierProvider } from '../shared/notifier';
import { theme, themeModeStorageKey } from './theme/theme';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      {/*
        noSsr: this app renders only in the browser, so the stored mode is read in the first render. Without it MUI
        assumes hydration and sets it again in an effect, which re-rendered every styled component of the page at
        once (one blocking render of the whole first page, a long task on a slow phone).
      */}
      <ThemeProvider
        theme={theme}
        defaultMode="system"
        modeStorageKey={themeModeStorageKey}
        disableTransitionOnChange
        noSsr
      >
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
