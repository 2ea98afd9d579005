import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { deliveryQueries, flowQueries } from '../api/queries';
import { QueryErrorAlert } from '../shared/errors';
import { useSearchParams } from '../shared/navigation';
import { isNotOffered, NotOffered } from '../shared/not-offered';
import { PageLoading } from '../shared/page-loading';
import {
  DeliveryDetail,
  DeliveryFilterBar,
  DeliveryTable,
  isLive,
  logFiltersToSearch,
  parseLogFilters,
  toServerFilters,
  type LogFilters,
} from '../features/deliveries';

const pollMs = 3000;

/** `/deliveries`: every event sent to PagerDuty; filters and the open row live in the address (deep links, Back). */
export function DeliveriesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => parseLogFilters(new URLSearchParams(search)), [search]);
  const openId = Number(searchParams.get('open'));
  // "Last hour" counts from when the page opened or the filters last changed, so the query key stays put.
  const [anchor, setAnchor] = useState(() => Date.now());
  const serverFilters = useMemo(() => toServerFilters(filters, anchor), [filters, anchor]);
  const log = useInfiniteQuery({
    ...deliveryQueries.list(serverFilters),
    // Live only while something visible may still change; an idle log asks nothing.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some(isLive)) ? pollMs : false),
  });
  const flows = useQuery(flowQueries.list());
  const flowNames = useMemo(() => new Map((flows.data ?? []).map((f) => [f.id, f.name])), [flows.data]);
  const deliveries = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);

  const write = (next: LogFilters, open?: number) => {
    if (!open) setAnchor(Date.now());
    setSearchParams({ ...logFiltersToSearch(next), ...(open ? { open: String(open) } : {}) });
  };

  return (
    <Stack spacing={3}>
      <title>Delivery log · Qualytics Integrations</title>
      <Box>
        <Typography variant="h1">Delivery log</Typography>
        <Typography color="text.secondary">
          Every event sent to PagerDuty, newest first: key checks, tests, flow triggers, acknowledgements and resolves.
        </Typography>
      </Box>
      {log.isError && isNotOffered(log.error) ? (
        <NotOffered what="a delivery log" />
      ) : (
        <>
          <DeliveryFilterBar value={filters} onChange={(next) => write(next)} flows={flows.data} />
          {log.isPending ? (
            <PageLoading label="Loading deliveries" />
          ) : log.isError ? (
            <QueryErrorAlert
              error={log.error}
              title="The delivery log could not be loaded"
              onRetry={() => void log.refetch()}
            />
          ) : deliveries.length === 0 ? (
            <Typography role="status">
              {Object.keys(filters).length > 0 ? 'No delivery matches these filters.' : 'No deliveries yet.'}
            </Typography>
          ) : (
            <>
              <Typography role="status" variant="body2" color="text.secondary">
                {deliveries.length} {deliveries.length === 1 ? 'delivery' : 'deliveries'} shown
                {log.hasNextPage ? ' (more on the server)' : ''}
              </Typography>
              <DeliveryTable deliveries={deliveries} flowNames={flowNames} onOpen={(d) => write(filters, d.id)} />
              {log.hasNextPage && (
                <Box>
                  <Button variant="outlined" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                    Load more
                  </Button>
                </Box>
              )}
            </>
          )}
        </>
      )}
      {Number.isInteger(openId) && openId > 0 && (
        <DeliveryDetail deliveryId={openId} onClose={() => setSearchParams(logFiltersToSearch(filters))} />
      )}
    </Stack>
  );
}
