import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';

export function NotFoundPage() {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <title>Page not found · Qualytics Integrations</title>
      <Typography variant="h1">Page not found</Typography>
      <Typography>There is nothing at this address. It may have moved, or the link may be mistyped.</Typography>
      <Button component={RouterLink} to="/integrations" variant="contained">
        Go to Integrations
      </Button>
    </Stack>
  );
}
