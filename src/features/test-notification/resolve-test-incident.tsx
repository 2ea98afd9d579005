import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { errorMessage } from '../../shared/errors';
import { FollowUpOutcome, useDeliveryAction } from '../../shared/incident';
import { isNotOffered } from '../../shared/not-offered';

/** Closes the incident a test just opened: a test at Error or Critical is paging someone right now. */
export function ResolveTestIncident({ deliveryId }: { deliveryId: number }) {
  const resolve = useDeliveryAction();
  const [resolveId, setResolveId] = useState<number | null>(null);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start', mt: 2 }}>
      {resolveId === null && (
        <Button
          variant="outlined"
          loading={resolve.isPending}
          onClick={() =>
            resolve.mutate({ id: deliveryId, action: 'resolve' }, { onSuccess: (created) => setResolveId(created.id) })
          }
        >
          Resolve this test incident
        </Button>
      )}
      {resolveId !== null && <FollowUpOutcome deliveryId={resolveId} action="resolve" />}
      {resolve.isError && (
        <Typography role="alert" variant="body2">
          {isNotOffered(resolve.error)
            ? 'This server does not offer resolving incidents: resolve it in PagerDuty.'
            : errorMessage(resolve.error)}
        </Typography>
      )}
    </Box>
  );
}
