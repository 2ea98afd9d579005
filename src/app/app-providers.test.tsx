import { useColorScheme, useTheme } from '@mui/material/styles';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from './app-providers';
import { createQueryClient } from './query-client';
import { themeModeStorageKey } from './theme/theme';

describe('AppProviders', () => {
  afterEach(() => localStorage.clear());

  it('renders the themed tree once, in the stored mode from the first render (no second pass after mount)', () => {
    localStorage.setItem(themeModeStorageKey, 'dark');
    const seen: string[] = [];
    function Probe() {
      const theme = useTheme();
      const { mode } = useColorScheme();
      seen.push(`${mode}/${theme.palette.mode}`);
      return <p>{theme.palette.background.default}</p>;
    }
    render(
      <AppProviders queryClient={createQueryClient()}>
        <Probe />
      </AppProviders>,
    );
    // A second render of every styled component once mounted was one long task on a slow phone.
    expect(seen).toEqual(['dark/dark']);
    expect(screen.getByText('#0f1420')).toBeInTheDocument();
    expect(document.documentElement).toHaveClass('dark');
  });
});
