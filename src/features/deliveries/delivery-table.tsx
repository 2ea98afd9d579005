import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
import type { Delivery } from '../../api/contract';
import { ColumnHeads } from '../../shared/column-heads';
import { formatInstant } from '../../shared/format';
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

// Styles are constants, not fresh objects per render: a scroll step re-renders only the rows that enter the view.
const rowSx = { height: rowHeight, cursor: 'pointer' } as const;
const nowrapSx = { whiteSpace: 'nowrap' } as const;
const wrapSx = { overflowWrap: 'anywhere' } as const;
const answerSx = { overflowWrap: 'anywhere', maxWidth: 280 } as const;
const dedupSx = { fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere', maxWidth: 200 } as const;
const openButtonSx = {
  font: 'inherit',
  color: 'primary.main',
  textDecoration: 'underline',
  bgcolor: 'transparent',
  border: 0,
  p: 0,
  cursor: 'pointer',
  '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
} as const;

/** One unchanging clock for the rows without a countdown. */
const noClock = new Date(0);

interface DeliveryRowProps {
  delivery: Delivery;
  index: number;
  flow: string;
  /** The clock for "next attempt in 40 s"; `noClock` for a row that shows no countdown, so the tick leaves it alone. */
  now: Date;
  onOpen(delivery: Delivery): void;
}

/** One row; memoised, so rows already in view are not rendered again while the table scrolls or the clock ticks. */
const DeliveryRow = memo(function DeliveryRow({ delivery, index, flow, now, onOpen }: DeliveryRowProps) {
  const when = formatInstant(delivery.created);
  return (
    <TableRow hover aria-rowindex={index + 2} sx={rowSx} onClick={() => onOpen(delivery)}>
      <TableCell sx={nowrapSx}>
        <Box
          component="button"
          type="button"
          aria-label={`Open ${kindLabels[delivery.kind]} delivery #${delivery.id}, ${when}`}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(delivery);
          }}
          sx={openButtonSx}
        >
          {when}
        </Box>
      </TableCell>
      <TableCell>{kindLabels[delivery.kind]}</TableCell>
      <TableCell sx={wrapSx}>{flow}</TableCell>
      <TableCell sx={nowrapSx}>
        <DeliveryStatus delivery={delivery} now={now} />
      </TableCell>
      <TableCell sx={answerSx}>{pagerDutyAnswer(delivery)}</TableCell>
      <TableCell sx={dedupSx}>{delivery.dedup_key ?? '—'}</TableCell>
      <TableCell>{delivery.incident_state ? incidentLabels[delivery.incident_state] : '—'}</TableCell>
    </TableRow>
  );
});

/**
 * The log, newest first. Only the rows in view (and a few around) are in the DOM: tens of thousands of loaded
 * deliveries scroll like fifty. Padding rows stand in for the others, so it stays one real table.
 */
export function DeliveryTable({ deliveries, flowNames, onOpen }: DeliveryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow(deliveries.some((d) => d.status === 'retrying'));
  // The page may pass a new function each render; the rows get one that never changes.
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const open = useCallback((delivery: Delivery) => openRef.current(delivery), []);
  const virtual = deliveries.length > virtualiseAbove;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's API returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: virtual ? deliveries.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 5,
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
        <ColumnHeads columns={columns} />
        <TableBody>
          {top > 0 && <TableRow aria-hidden sx={{ height: top }} />}
          {items.map((item) => {
            const delivery = deliveries[item.index];
            if (!delivery) return null;
            return (
              <DeliveryRow
                key={delivery.id}
                delivery={delivery}
                index={item.index}
                flow={flowCell(delivery, flowNames)}
                now={delivery.status === 'retrying' ? now : noClock}
                onOpen={open}
              />
            );
          })}
          {bottom > 0 && <TableRow aria-hidden sx={{ height: bottom }} />}
        </TableBody>
      </Table>
    </Box>
  );
}
