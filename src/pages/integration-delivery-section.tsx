import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Integration } from '../api/contract';
import { descriptorFor } from '../integrations';
import { KeyFacts } from '../features/delivery-health';
import { SendTest } from '../features/test-notification';

/** The settings page's "Delivery" section: health, the stored key, Verify key and Send test. */
export function IntegrationDeliverySection({ integration }: { integration: Integration }) {
  const { settingsTest } = descriptorFor(integration.type);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="delivery-title" sx={{ p: 3 }}>
      <Typography id="delivery-title" variant="h2" sx={{ mb: 2 }}>
        Delivery
      </Typography>
      <Stack spacing={3}>
        <KeyFacts integration={integration} />
        {settingsTest && <SendTest prepare={async () => settingsTest()} offerInfo={false} />}
      </Stack>
    </Paper>
  );
}
