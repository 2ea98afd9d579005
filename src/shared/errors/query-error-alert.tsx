import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { isApiError } from '../../api/api-error';

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.detail;
  return 'Something unexpected went wrong.';
}

/** A failed load in the page's own words, with a retry where retrying can help. */
export function QueryErrorAlert({ error, title, onRetry }: { error: unknown; title: string; onRetry?: () => void }) {
  const forbidden = isApiError(error) && error.kind === 'forbidden';
  return (
    <Alert
      severity={forbidden ? 'warning' : 'error'}
      action={
        onRetry && !forbidden ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{forbidden ? 'Manager permission required' : title}</AlertTitle>
      {forbidden
        ? 'Your role does not allow managing integrations. Ask a Manager or an Admin for access.'
        : errorMessage(error)}
    </Alert>
  );
}
