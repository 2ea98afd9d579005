import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { isRouteErrorResponse, useNavigate, useRouteError, useLocation } from 'react-router';
import { isApiError } from '../../api/api-error';

function describe(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  // A chunk that fails to load after a deployment or while offline.
  if (error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message))
    return 'Part of the console could not be loaded. Check your connection and retry.';
  return 'Something went wrong while showing this page. Your data on the server is unaffected.';
}

/** Shown in place of a route that crashed; Retry renders the same route again. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const retry = () => {
    void queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' });
    // Navigating to the same place makes the router drop the error and load the route again.
    void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true });
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
        <Typography variant="body2">{describe(error)}</Typography>
      </Alert>
    </Box>
  );
}
