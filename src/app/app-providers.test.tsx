import { useTheme } from '@mui/material/styles';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from './app-providers';
import { createQueryClient } from './query-client';
import { colorModeStorageKey, resetColorModeForTests, useColorMode } from './theme/color-mode';
import { ThemeModeSwitch } from './theme/theme-mode-switch';

describe('AppProviders', () => {
  afterEach(() => {
    localStorage.clear();
    resetColorModeForTests();
    document.documentElement.className = '';
  });

  it('renders the themed tree once, in the stored mode from the first render (no second pass after mount)', () => {
    localStorage.setItem(colorModeStorageKey, 'dark');
    const seen: string[] = [];
    function Probe() {
      const theme = useTheme();
      const { mode } = useColorMode();
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

  it('switches the theme, names it on <html> and keeps the choice for the next visit', async () => {
    function Probe() {
      return <p>{useTheme().palette.background.default}</p>;
    }
    render(
      <AppProviders queryClient={createQueryClient()}>
        <ThemeModeSwitch />
        <Probe />
      </AppProviders>,
    );
    // jsdom's default: no dark preference, so 'system' is light.
    expect(screen.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('#f5f7fb')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(screen.getByText('#0f1420')).toBeInTheDocument();
    expect(document.documentElement).toHaveClass('dark');
    expect(document.documentElement).not.toHaveClass('light');
    expect(localStorage.getItem(colorModeStorageKey)).toBe('dark');
    await userEvent.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(document.documentElement).toHaveClass('light');
    expect(document.documentElement).not.toHaveClass('dark');
  });

  it('follows a choice made in another tab', () => {
    render(
      <AppProviders queryClient={createQueryClient()}>
        <ThemeModeSwitch />
      </AppProviders>,
    );
    act(() => {
      localStorage.setItem(colorModeStorageKey, 'dark');
      window.dispatchEvent(new StorageEvent('storage', { key: colorModeStorageKey }));
    });
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('dark');
  });

  it('treats a stored value it does not know as the system preference', () => {
    localStorage.setItem(colorModeStorageKey, 'purple');
    render(
      <AppProviders queryClient={createQueryClient()}>
        <ThemeModeSwitch />
      </AppProviders>,
    );
    expect(screen.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'true');
  });
});
