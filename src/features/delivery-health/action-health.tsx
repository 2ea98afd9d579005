import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import type { PagerDutyAction } from '../../api/contract';
import { formatClock } from '../../shared/format';
import { describeHealth } from './describe-health';
import { HealthStatus } from './health-status';

export interface ActionHealthProps {
  action: PagerDutyAction;
  /** Where the integration's key is rotated; undefined when PagerDuty is not connected. */
  integrationId: number | undefined;
}

/** A PagerDuty action's last delivery and health; a failing one says why and what gets it delivering again. */
export function ActionHealth({ action, integrationId }: ActionHealthProps) {
  const { health } = action;
  if (!health) return null;
  const view = describeHealth(health);
  const override = action.parameters.routing_key_configured;
  return (
    <Box>
      {health.last_attempt_at && (
        <Typography variant="body2" color="text.secondary">
          Last delivery {formatClock(health.last_attempt_at)}
        </Typography>
      )}
      <HealthStatus health={health} />
      {view.tone === 'error' && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {view.wayOut === 'key' && override && 'This action cannot deliver: replace its override key in Edit.'}
          {view.wayOut === 'key' && !override && integrationId !== undefined && (
            <>
              This action cannot deliver with the integration&apos;s key:{' '}
              <Link component={RouterLink} to={`/integrations/${integrationId}`}>
                Rotate or verify the key
              </Link>
            </>
          )}
          {view.wayOut === 'connect' && (
            <>
              This action cannot deliver:{' '}
              <Link component={RouterLink} to="/integrations/pagerduty/connect">
                Connect PagerDuty
              </Link>
            </>
          )}
          {view.wayOut === 'event' && 'PagerDuty refused the event: edit the action.'}
          {view.wayOut === 'wait' && 'PagerDuty or the network failed for now; the server keeps retrying.'}
        </Typography>
      )}
    </Box>
  );
}
