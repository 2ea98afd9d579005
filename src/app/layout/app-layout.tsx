import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Outlet, useNavigate, useNavigation } from 'react-router';
import { useSession } from '../session';
import { ThemeModeSwitch } from '../theme/theme-mode-switch';
import { MainNav } from './main-nav';
import { SkipLink } from './skip-link';

export const mainContentId = 'main-content';

export function AppLayout() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const navigation = useNavigation();

  const handleSignOut = () => {
    signOut();
    void navigate('/sign-in', { replace: true });
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', color: 'text.primary' }}>
      <SkipLink targetId={mainContentId} />
      <AppBar position="sticky" component="header">
        <Toolbar sx={{ flexWrap: 'wrap', columnGap: 2, rowGap: 1, py: 1 }}>
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
                <Chip
                  label={user.role}
                  size="small"
                  variant="outlined"
                  sx={{ color: 'inherit', borderColor: 'currentColor' }}
                />
              </Box>
            )}
            <ThemeModeSwitch />
            <Button color="inherit" variant="outlined" size="small" onClick={handleSignOut}>
              Sign out
            </Button>
          </Box>
        </Toolbar>
        {navigation.state === 'loading' && (
          <LinearProgress
            color="inherit"
            aria-label="Loading page"
            sx={{ position: 'absolute', bottom: 0, left: 0, right: 0 }}
          />
        )}
      </AppBar>
      <Container component="main" id={mainContentId} tabIndex={-1} maxWidth="lg" sx={{ py: 3, outline: 'none' }}>
        <Outlet />
      </Container>
    </Box>
  );
}
