import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';

export interface NotFoundViewProps {
  /** "Integration", "Flow": the heading says "<what> not found". */
  what: string;
  explanation: string;
  backTo: string;
  backLabel: string;
}

/** A thing that does not exist (a 404, or an id that cannot be one): retrying cannot help, so offer the way back. */
export function NotFoundView({ what, explanation, backTo, backLabel }: NotFoundViewProps) {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <title>{`${what} not found · Qualytics Integrations`}</title>
      <Typography variant="h1">{what} not found</Typography>
      <Typography>{explanation}</Typography>
      <Button component={RouterLink} to={backTo} variant="contained">
        {backLabel}
      </Button>
    </Stack>
  );
}
