import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { Delivery } from '../../api/contract';
import { errorMessage } from '../../shared/errors';
import { FollowUpOutcome, useDeliveryAction, type FollowUp } from '../../shared/incident';
import { availableActions } from './describe-delivery';

const labels: Record<FollowUp, string> = { retry: 'Retry now', acknowledge: 'Acknowledge', resolve: 'Resolve' };

/** The follow-ups that apply to this delivery, and what became of the one pressed. */
export function DeliveryActions({ delivery }: { delivery: Delivery }) {
  const action = useDeliveryAction();
  const [sent, setSent] = useState<{ id: number; action: FollowUp } | null>(null);
  const available = availableActions(delivery);
  const offered = (Object.keys(labels) as FollowUp[]).filter((a) => available[a]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {offered.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {offered.map((a) => (
            <Button
              key={a}
              variant={a === 'acknowledge' ? 'outlined' : 'contained'}
              loading={action.isPending && action.variables.action === a}
              disabled={action.isPending}
              onClick={() =>
                action.mutate(
                  { id: delivery.id, action: a },
                  { onSuccess: (created) => setSent({ id: created.id, action: a }) },
                )
              }
            >
              {labels[a]}
            </Button>
          ))}
        </Box>
      )}
      {sent && <FollowUpOutcome key={sent.id} deliveryId={sent.id} action={sent.action} />}
      {action.isError && (
        <Alert severity="error" role="alert">
          {errorMessage(action.error)}
        </Alert>
      )}
    </Box>
  );
}
