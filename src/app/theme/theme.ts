import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import type { ColorScheme } from './color-mode';

/** The sticky app bar's height: compact (a menu button) below `md`, one row from `md` up. */
export const appBarHeight = { compact: 56, full: 64 } as const;

/**
 * Whatever is scrolled into view (a test result, a field in error, a focused heading) stops this far below the top,
 * clear of the sticky app bar, at every width and zoom.
 */
export const scrollClearance = appBarHeight.full + 8;

/** Everything a keyboard can reach: MUI marks its own (ButtonBase, inputs) with classes; native elements match. */
const focusTargets = [
  '.MuiButtonBase-root.Mui-focusVisible',
  '.MuiInputBase-root.Mui-focused:has(:focus-visible)',
  'a:focus-visible',
  'button:focus-visible',
  'summary:focus-visible',
  '[tabindex="0"]:focus-visible',
].join(', ');

/**
 * Light and dark as two plain themes (no CSS variables, no colour-scheme provider): generating variables for both
 * schemes took about half of the shell's start-up script on a throttled phone, and MUI's scheme provider brought that
 * machinery into the first paint even without them. Switching the mode is a rare click that re-renders with the
 * other theme. The dark one is built the first time it is needed.
 */
export const themeOptions = (scheme: ColorScheme): ThemeOptions => ({
  palette:
    scheme === 'light'
      ? { mode: 'light', primary: { main: '#1e4fa3' }, background: { default: '#f5f7fb' } }
      : { mode: 'dark', primary: { main: '#8fb4ff' }, background: { default: '#0f1420', paper: '#161c2b' } },
  shape: { borderRadius: 8 },
  typography: { h1: { fontSize: '1.75rem', fontWeight: 600 }, h2: { fontSize: '1.25rem', fontWeight: 600 } },
  components: {
    MuiCssBaseline: {
      styleOverrides: (theme) => ({
        '[id], [tabindex="-1"], [role="region"], section, .MuiAlert-root': { scrollMarginTop: scrollClearance },
        // One ring for every control, in the primary colour (>= 3:1 against the page in light and dark: WCAG 1.4.11),
        // where MUI's own focus cue is a faint ripple tint (WCAG 2.4.7).
        [focusTargets]: {
          outline: `2px solid ${theme.palette.primary.main}`,
          outlineOffset: 2,
        },
      }),
    },
  },
});

const themes: Partial<Record<ColorScheme, Theme>> = {};
export const themeFor = (scheme: ColorScheme): Theme => (themes[scheme] ??= createTheme(themeOptions(scheme)));
