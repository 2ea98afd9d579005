import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'wouter';
import type { Delivery } from '../../api/contract';
import { deliveryQueries } from '../../api/queries';
import { errorMessage } from '../../shared/errors';
import { Fact, FactList } from '../../shared/fact-list';
import { formatInstant } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import { AttemptsTable } from './attempts-table';
import { DeliveryActions } from './delivery-actions';
import { DeliveryStatus } from './delivery-status';
import { incidentLabels, isLive, kindLabels } from './describe-delivery';

function DetailFacts({ delivery }: { delivery: Delivery }) {
  const now = useNow(delivery.status === 'retrying');
  return (
    <FactList dense aria-label="Delivery">
      <Fact label="Status">
        <DeliveryStatus delivery={delivery} now={now} />
      </Fact>
      {delivery.failure && <Fact label="Why">{delivery.failure.detail}</Fact>}
      <Fact label="Created">{formatInstant(delivery.created)}</Fact>
      {delivery.next_attempt_at && <Fact label="Next attempt">{formatInstant(delivery.next_attempt_at)}</Fact>}
      {delivery.dedup_key && (
        <Fact label="Dedup key">
          <code>{delivery.dedup_key}</code>
        </Fact>
      )}
      {delivery.key_last4 && (
        <Fact label="Routing key">
          {delivery.key_source === 'override' ? "The action's override" : "The integration's key"} ending in{' '}
          <code>…{delivery.key_last4}</code>
        </Fact>
      )}
      {delivery.incident_state && <Fact label="Incident">{incidentLabels[delivery.incident_state]}</Fact>}
      {delivery.flow_id !== null && (
        <Fact label="Flow">
          <Link component={RouterLink} to={`/flows/${delivery.flow_id}`}>
            Open flow {delivery.flow_id}
          </Link>
        </Fact>
      )}
      {delivery.integration_id !== null && (
        <Fact label="Integration">
          <Link component={RouterLink} to={`/integrations/${delivery.integration_id}`}>
            Open the integration
          </Link>
        </Fact>
      )}
    </FactList>
  );
}

/** A delivery opened from the log: the event as sent (key redacted), every attempt, and what can be done. */
export function DeliveryDetail({ deliveryId, onClose }: { deliveryId: number; onClose(): void }) {
  const query = useQuery({
    ...deliveryQueries.detail(deliveryId),
    refetchInterval: (q) => (q.state.data && isLive(q.state.data) ? 2000 : false),
  });
  const delivery = query.data;
  return (
    <Dialog open onClose={onClose} aria-labelledby="delivery-detail-title" maxWidth="md" fullWidth>
      <DialogTitle id="delivery-detail-title">
        {delivery ? `${kindLabels[delivery.kind]} delivery #${delivery.id}` : `Delivery #${deliveryId}`}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {query.isPending && <Typography role="status">Loading the delivery…</Typography>}
        {query.isError && <Alert severity="error">{errorMessage(query.error)}</Alert>}
        {delivery && (
          <>
            <DetailFacts delivery={delivery} />
            <DeliveryActions delivery={delivery} />
            <Box component="section" aria-labelledby="attempts-title">
              <Typography id="attempts-title" variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
                Attempts
              </Typography>
              <AttemptsTable attempts={delivery.attempts} />
            </Box>
            {delivery.event && (
              <Box component="section" aria-labelledby="event-title">
                <Typography id="event-title" variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
                  Event as sent (routing key redacted)
                </Typography>
                <Box
                  component="pre"
                  tabIndex={0}
                  aria-labelledby="event-title"
                  sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', fontSize: 13 }}
                >
                  {JSON.stringify(delivery.event, null, 2)}
                </Box>
              </Box>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
