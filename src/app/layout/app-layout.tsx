import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useNavigate } from '../../shared/navigation';
import { useSession } from '../../shared/session';
import { ThemeModeSwitch } from '../theme/theme-mode-switch';
import { MainNav } from './main-nav';
import { SkipLink } from './skip-link';

export const mainContentId = 'main-content';

/** The signed-in shell; a page still downloading shows its "Loading page" status in the main area. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const navigate = useNavigate();

  const handleSignOut = () => {
    signOut();
    navigate('/sign-in', { replace: true });
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', color: 'text.primary' }}>
      <SkipLink targetId={mainContentId} />
      {/* A plain header styled like MUI's AppBar and Toolbar: the first paint needs neither component. */}
      <Box
        component="header"
        sx={(theme) => ({
          position: 'sticky',
          top: 0,
          zIndex: theme.zIndex.appBar,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          boxShadow: theme.shadows[4],
          ...theme.applyStyles('dark', { bgcolor: 'background.paper', color: 'text.primary' }),
        })}
      >
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            minHeight: 64,
            px: { xs: 2, sm: 3 },
            flexWrap: 'wrap',
            columnGap: 2,
            rowGap: 1,
            py: 1,
          }}
        >
          <Typography component="p" variant="h6" sx={{ fontWeight: 600, mr: 1 }}>
            Qualytics Integrations
          </Typography>
          <MainNav />
          <Box sx={{ flexGrow: 1 }} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            {user && (
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} aria-label="Signed in user" role="group">
                <Typography component="span" variant="body2">
                  {user.name}
                </Typography>
                <Box
                  component="span"
                  sx={{
                    border: '1px solid currentColor',
                    borderRadius: 4,
                    px: 1,
                    fontSize: '0.8125rem',
                    lineHeight: '22px',
                  }}
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
              onClick={handleSignOut}
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
        </Box>
      </Box>
      <Box
        component="main"
        id={mainContentId}
        tabIndex={-1}
        sx={{ width: '100%', maxWidth: 1200, mx: 'auto', px: { xs: 2, sm: 3 }, py: 3, outline: 'none' }}
      >
        {children}
      </Box>
    </Box>
  );
}
