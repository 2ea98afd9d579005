import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useSession } from '../../shared/session';
import { ThemeModeSwitch } from '../theme/theme-mode-switch';

/** Who is signed in, the theme switch and Sign out: the right-hand end of the app bar. */
export function UserTools({ onSignOut }: { onSignOut(): void }) {
  const { user } = useSession();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      {user && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} aria-label="Signed in user" role="group">
          <Typography component="span" variant="body2">
            {user.name}
          </Typography>
          <Box
            component="span"
            sx={{ border: '1px solid currentColor', borderRadius: 4, px: 1, fontSize: '0.8125rem', lineHeight: '22px' }}
          >
            {user.role}
          </Box>
        </Box>
      )}
      <ThemeModeSwitch />
      {/* Styled like a small outlined MUI Button; ButtonBase is no part of the shell's first paint. */}
      <Box
        component="button"
        type="button"
        onClick={onSignOut}
        sx={{
          typography: 'button',
          fontSize: '0.8125rem',
          px: '9px',
          py: '3px',
          m: 0,
          color: 'inherit',
          bgcolor: 'transparent',
          border: '1px solid rgba(255,255,255,0.5)',
          borderRadius: 1,
          cursor: 'pointer',
          '&:hover': { bgcolor: 'rgba(255,255,255,0.12)', borderColor: 'currentColor' },
          '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2 },
        }}
      >
        Sign out
      </Box>
    </Box>
  );
}
