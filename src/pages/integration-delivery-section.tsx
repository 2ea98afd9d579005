import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Integration, TestNotificationRequest } from '../api/contract';
import { KeyFacts } from '../features/delivery-health';
import { SendTest } from '../features/test-notification';

// A test from the settings page checks the stored key itself: the integration's key, a plain message.
const settingsTest = async (): Promise<TestNotificationRequest> => ({
  type: 'PagerDuty',
  tokenized_message: 'Qualytics test notification from the PagerDuty integration settings',
  parameters: { severity: 'info' },
});

/** The settings page's "Delivery" section: health, the stored key, Verify key and Send test. */
export function IntegrationDeliverySection({ integration }: { integration: Integration }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="delivery-title" sx={{ p: 3 }}>
      <Typography id="delivery-title" variant="h2" sx={{ mb: 2 }}>
        Delivery
      </Typography>
      <Stack spacing={3}>
        <KeyFacts integration={integration} />
        {integration.type === 'pagerduty' && <SendTest prepare={settingsTest} offerInfo={false} />}
      </Stack>
    </Paper>
  );
}
