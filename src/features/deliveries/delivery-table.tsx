import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Delivery } from '../../api/contract';
import { formatInstant } from '../../shared/format-time';
import { useNow } from '../../shared/use-now';
import { DeliveryStatus } from './delivery-status';
import { incidentLabels, kindLabels, pagerDutyAnswer } from './describe-delivery';

export interface DeliveryTableProps {
  deliveries: readonly Delivery[];
  flowNames: ReadonlyMap<number, string>;
  onOpen(delivery: Delivery): void;
}

const rowHeight = 53;
/** Up to this many rows the table is plain (two pages); beyond, only the rows in view are rendered. */
export const virtualiseAbove = 100;
const columns = ['Time', 'Kind', 'Flow / action', 'Status', "PagerDuty's answer", 'Dedup key', 'Incident'];

function flowCell(delivery: Delivery, flowNames: ReadonlyMap<number, string>): string {
  if (delivery.kind === 'validation') return 'Key check (no incident)';
  if (delivery.flow_id === null) return delivery.kind === 'test' ? 'Test notification' : '—';
  const flow = flowNames.get(delivery.flow_id) ?? `Flow ${delivery.flow_id}`;
  return delivery.action_id === null ? flow : `${flow} / action ${delivery.action_id}`;
}

/**
 * The log, newest first. Only the rows in view (and a few around) are in the DOM: tens of thousands of loaded
 * deliveries scroll like fifty. Padding rows stand in for the others, so it stays one real table.
 */
export function DeliveryTable({ deliveries, flowNames, onOpen }: DeliveryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow(deliveries.some((d) => d.status === 'retrying'));
  const virtual = deliveries.length > virtualiseAbove;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's API returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: virtual ? deliveries.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The first render has no layout yet: show a screenful rather than nothing.
    initialRect: { width: 1200, height: rowHeight * 12 },
  });
  const items = virtual
    ? virtualizer.getVirtualItems()
    : deliveries.map((_, index) => ({ index, start: index * rowHeight, end: (index + 1) * rowHeight }));
  const top = virtual ? (items[0]?.start ?? 0) : 0;
  const bottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  return (
    <Box
      ref={scrollRef}
      sx={{ maxHeight: '65vh', overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Table stickyHeader size="small" aria-label="Deliveries" aria-rowcount={deliveries.length + 1}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c} component="th" scope="col">
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {top > 0 && <TableRow aria-hidden sx={{ height: top }} />}
          {items.map((item) => {
            const delivery = deliveries[item.index];
            if (!delivery) return null;
            return (
              <TableRow
                key={delivery.id}
                hover
                aria-rowindex={item.index + 2}
                sx={{ height: rowHeight, cursor: 'pointer' }}
                onClick={() => onOpen(delivery)}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Box
                    component="button"
                    type="button"
                    aria-label={`Open ${kindLabels[delivery.kind]} delivery #${delivery.id}, ${formatInstant(delivery.created)}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(delivery);
                    }}
                    sx={{
                      font: 'inherit',
                      color: 'primary.main',
                      textDecoration: 'underline',
                      bgcolor: 'transparent',
                      border: 0,
                      p: 0,
                      cursor: 'pointer',
                      '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
                    }}
                  >
                    {formatInstant(delivery.created)}
                  </Box>
                </TableCell>
                <TableCell>{kindLabels[delivery.kind]}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{flowCell(delivery, flowNames)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <DeliveryStatus delivery={delivery} now={now} />
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere', maxWidth: 280 }}>{pagerDutyAnswer(delivery)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere', maxWidth: 200 }}>
                  {delivery.dedup_key ?? '—'}
                </TableCell>
                <TableCell>{delivery.incident_state ? incidentLabels[delivery.incident_state] : '—'}</TableCell>
              </TableRow>
            );
          })}
          {bottom > 0 && <TableRow aria-hidden sx={{ height: bottom }} />}
        </TableBody>
      </Table>
    </Box>
  );
}
