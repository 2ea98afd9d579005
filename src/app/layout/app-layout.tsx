import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useNavigate } from '../../shared/navigation';
import { useSession } from '../../shared/session';
import { appBarHeight } from '../theme/theme';
import { MainNav } from './main-nav';
import { MenuButton } from './menu-button';
import { SkipLink } from './skip-link';
import { UserTools } from './user-tools';

export const mainContentId = 'main-content';
const menuId = 'app-menu';

/**
 * The signed-in shell; a page still downloading shows its "Loading page" status in the main area. Below `md` (a
 * phone, a small window, 200% zoom) the bar is one compact row and the navigation and user tools fold into a menu,
 * so the sticky bar never takes a fifth of the screen.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [location] = useLocation();
  // Open for the page it was opened on: following one of its links closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const menuOpen = openAt === location;

  const handleSignOut = () => {
    signOut();
    navigate('/sign-in', { replace: true });
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setOpenAt(null);
    document.querySelector<HTMLElement>(`[aria-controls="${menuId}"]`)?.focus();
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', color: 'text.primary' }}>
      <SkipLink targetId={mainContentId} />
      {/* A plain header styled like MUI's AppBar and Toolbar: the first paint needs neither component. */}
      <Box
        component="header"
        onKeyDown={closeOnEscape}
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
          sx={(theme) => ({
            display: 'flex',
            alignItems: 'center',
            flexWrap: 'wrap',
            minHeight: appBarHeight.full,
            px: 3,
            columnGap: 2,
            [theme.breakpoints.down('md')]: { minHeight: appBarHeight.compact, px: 2 },
          })}
        >
          <Typography component="p" variant="h6" sx={{ fontWeight: 600, mr: 1 }}>
            Qualytics Integrations
          </Typography>
          <MenuButton open={menuOpen} controls={menuId} onToggle={() => setOpenAt(menuOpen ? null : location)} />
          <Box
            id={menuId}
            sx={(theme) => ({
              display: 'flex',
              flex: 1,
              alignItems: 'center',
              columnGap: 2,
              [theme.breakpoints.down('md')]: {
                display: menuOpen ? 'flex' : 'none',
                flexBasis: '100%',
                flexDirection: 'column',
                alignItems: 'flex-start',
                rowGap: 1.5,
                pb: 2,
              },
            })}
          >
            <MainNav />
            <Box sx={{ flexGrow: 1 }} />
            <UserTools onSignOut={handleSignOut} />
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
