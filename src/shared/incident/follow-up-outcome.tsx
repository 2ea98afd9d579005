import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { Delivery } from '../../api/contract';
import { deliveryQueries } from '../../api/queries';
import { formatInstant } from '../format';

const pastTense = { retry: 'Delivered', acknowledge: 'Acknowledged', resolve: 'Resolved' } as const;
const underway = { retry: 'Sending again…', acknowledge: 'Acknowledging…', resolve: 'Resolving…' } as const;

const live = (d: Delivery | undefined) => !d || d.status === 'pending' || d.status === 'retrying';

/** Why a delivery did not go through, in PagerDuty's words where it gave some. */
export function failureReason(delivery: Delivery): string {
  const reply = delivery.attempts.at(-1)?.pagerduty;
  return (
    delivery.failure?.detail ||
    [reply?.message, ...(reply?.errors ?? [])].filter(Boolean).join(' — ') ||
    'PagerDuty did not accept it.'
  );
}

/**
 * Follows the delivery a Retry now / Acknowledge / Resolve created until PagerDuty answered: "Resolved at …", or
 * PagerDuty's reason. Polls only while it is still pending or retrying.
 */
export function FollowUpOutcome({ deliveryId, action }: { deliveryId: number; action: keyof typeof pastTense }) {
  const delivery = useQuery({
    ...deliveryQueries.detail(deliveryId),
    refetchInterval: (query) => (live(query.state.data) ? 1000 : false),
    staleTime: 0,
  });
  const data = delivery.data;
  let text: string;
  if (delivery.isError) text = `${underway[action]} (its progress could not be loaded)`;
  else if (!data || live(data)) text = underway[action];
  else if (data.status === 'delivered')
    text = `${pastTense[action]} at ${formatInstant(data.attempts.at(-1)?.at ?? data.updated)}`;
  else text = `Not ${pastTense[action].toLowerCase()}: ${failureReason(data)}`;
  return (
    <Typography role="status" variant="body2">
      {text}
    </Typography>
  );
}
