import Box from '@mui/material/Box';
import type { Delivery, DeliveryStatus as Status } from '../../api/contract';
import { statusText } from './describe-delivery';

const dot: Record<Status, string> = {
  delivered: 'success.main',
  pending: 'info.main',
  retrying: 'warning.main',
  failed: 'error.main',
  skipped: 'text.disabled',
};

/**
 * A delivery's status as words beside a coloured dot: the words carry the meaning (colour alone would not), and
 * body text keeps its contrast in both themes.
 */
export function DeliveryStatus({
  delivery,
  now,
}: {
  delivery: Pick<Delivery, 'status' | 'next_attempt_at'>;
  now: Date;
}) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      <Box
        component="span"
        aria-hidden
        sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: dot[delivery.status], flexShrink: 0 }}
      />
      <span>{statusText(delivery, now)}</span>
    </Box>
  );
}
