import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { Link as RouterLink } from 'wouter';
import type { Integration } from '../../api/contract';
import { ConnectIntegrationForm } from '../../features/integrations';

export interface ConnectStepProps {
  integration: Integration | undefined;
  onConnected(integration: Integration): void;
  onNext(): void;
}

/** Step 1. Once PagerDuty is connected it shows as done, so resuming the wizard never connects twice. */
export function ConnectStep({ integration, onConnected, onNext }: ConnectStepProps) {
  if (!integration)
    return (
      <ConnectIntegrationForm type="pagerduty" headingLevel="h2" submitLabel="Connect" onConnected={onConnected} />
    );
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Alert severity="success" sx={{ alignSelf: 'stretch' }}>
        <AlertTitle>PagerDuty is connected</AlertTitle>
        Its Routing Key was validated with a change event (no incident).{' '}
        <Link component={RouterLink} to={`/integrations/${integration.id}`}>
          Integration settings
        </Link>
      </Alert>
      <Box>
        <Button variant="contained" onClick={onNext}>
          Next: Notification
        </Button>
      </Box>
    </Stack>
  );
}
