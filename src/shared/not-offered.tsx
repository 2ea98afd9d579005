import Typography from '@mui/material/Typography';
import { isApiError } from '../api/api-error';

/**
 * A platform with only the brief's endpoints answers 404 for executions, deliveries and verify: that is a missing
 * capability, not a failure, so the part that needs it says so in one calm line instead of an error.
 */
export function isNotOffered(error: unknown): boolean {
  return isApiError(error) && error.kind === 'not_found';
}

export function NotOffered({ what }: { what: string }) {
  return (
    <Typography color="text.secondary" role="status">
      This server does not offer {what}.
    </Typography>
  );
}
