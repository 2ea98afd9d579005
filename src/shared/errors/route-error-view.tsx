import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import type { FallbackProps } from 'react-error-boundary';
import { isApiError } from '../../api/api-error';

function describeRouteError(error: unknown): string {
  if (isApiError(error)) return error.detail;
  // A chunk that fails to load after a deployment or while offline.
  if (error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message))
    return 'Part of the console could not be loaded. Check your connection and retry.';
  return 'Something went wrong while showing this page. Your data on the server is unaffected.';
}

/** Shown in place of a page that crashed; Retry renders the same page again (and loads its chunk again). */
export function RouteErrorView({ error, resetErrorBoundary }: FallbackProps) {
  const queryClient = useQueryClient();
  const retry = () => {
    void queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' });
    resetErrorBoundary();
  };
  return (
    <Box sx={{ p: 3 }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={retry}>
            Retry
          </Button>
        }
      >
        <AlertTitle>This page could not be shown</AlertTitle>
        <Typography variant="body2">{describeRouteError(error)}</Typography>
      </Alert>
    </Box>
  );
}
