import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { errorMessage } from '../shared/errors';

/** A failed background refresh: the page keeps what it showed (and any unsaved edit) and says it may be out of date. */
export function RefreshFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <Alert
      severity="warning"
      role="status"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>Could not refresh this page</AlertTitle>
      {errorMessage(error)} What you see may be out of date.
    </Alert>
  );
}
