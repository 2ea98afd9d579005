import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { DeliveryHealth } from '../../api/contract';
import { describeHealth } from './describe-health';

const dotColor = { success: 'success.main', error: 'error.main', neutral: 'text.disabled' } as const;

/**
 * "Delivering — last success 10:32", "Failing since 10:32" with PagerDuty's reason, or "No deliveries yet". Plain
 * boxes only: it sits on the integration card, whose first paint loads no MUI control.
 */
export function HealthStatus({ health, now }: { health: DeliveryHealth; now?: Date }) {
  const view = describeHealth(health, now);
  return (
    <Box role="status" aria-label="Delivery health" sx={{ typography: 'body2' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box
          component="span"
          aria-hidden
          sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: dotColor[view.tone], flexShrink: 0 }}
        />
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
          {view.title}
        </Typography>
      </Box>
      {view.reason && (
        <Typography variant="body2" component="p" sx={{ m: 0, mt: 0.25, overflowWrap: 'anywhere' }}>
          PagerDuty said: <q>{view.reason}</q>
        </Typography>
      )}
    </Box>
  );
}
