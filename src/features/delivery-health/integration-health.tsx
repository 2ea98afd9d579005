import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import type { Integration } from '../../api/contract';
import { describeHealth, wayOutText } from './describe-health';
import { HealthStatus } from './health-status';

// Only a card whose key fails offers Rotate and Verify: the catalog's first paint leaves them (and the mutation) out.
const KeyWayOut = lazy(async () => ({ default: (await import('./key-way-out')).KeyWayOut }));

/** The integration card's health line and, when its key fails, the way out: Rotate key, Verify key. */
export function IntegrationHealth({ integration, label }: { integration: Integration; label: string }) {
  const { health } = integration;
  if (!health) return null;
  const view = describeHealth(health);
  return (
    <Box sx={{ mt: 1.5 }}>
      <HealthStatus health={health} />
      {view.wayOut && (
        <Typography variant="body2" color="text.secondary" component="p" sx={{ m: 0, mt: 0.5 }}>
          {wayOutText[view.wayOut]}
        </Typography>
      )}
      {view.tone === 'error' && (
        <Suspense fallback={null}>
          <KeyWayOut integrationId={integration.id} label={label} />
        </Suspense>
      )}
    </Box>
  );
}
