import { createTheme } from '@mui/material/styles';

/** Light and dark from one theme; the class selector lets the user override the system choice. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1e4fa3' }, background: { default: '#f5f7fb' } } },
    dark: { palette: { primary: { main: '#8fb4ff' }, background: { default: '#0f1420', paper: '#161c2b' } } },
  },
  shape: { borderRadius: 8 },
  typography: { h1: { fontSize: '1.75rem', fontWeight: 600 }, h2: { fontSize: '1.25rem', fontWeight: 600 } },
});

export const themeModeStorageKey = 'qualytics.theme-mode';
