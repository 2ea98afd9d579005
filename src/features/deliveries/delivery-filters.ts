import { deliveryKindSchema, deliveryStatusSchema, type DeliveryKind, type DeliveryStatus } from '../../api/contract';
import type { DeliveryFilters } from '../../api/queries';

export const timeRanges = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' } as const;
export type TimeRange = keyof typeof timeRanges;
const rangeMs: Record<TimeRange, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };

/** The log's filters as the address bar holds them: short, readable, shareable. */
export interface LogFilters {
  status?: DeliveryStatus;
  kind?: DeliveryKind;
  flow?: number;
  time?: TimeRange;
}

/** Reads the filters from the query string; an unknown value is ignored rather than an error. */
export function parseLogFilters(search: URLSearchParams): LogFilters {
  const status = deliveryStatusSchema.safeParse(search.get('status'));
  const kind = deliveryKindSchema.safeParse(search.get('kind'));
  const flow = Number(search.get('flow'));
  const time = search.get('time');
  return {
    ...(status.success ? { status: status.data } : {}),
    ...(kind.success ? { kind: kind.data } : {}),
    ...(Number.isInteger(flow) && flow > 0 ? { flow } : {}),
    ...(time && time in timeRanges ? { time: time as TimeRange } : {}),
  };
}

export function logFiltersToSearch(filters: LogFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.status) out.status = filters.status;
  if (filters.kind) out.kind = filters.kind;
  if (filters.flow) out.flow = String(filters.flow);
  if (filters.time) out.time = filters.time;
  return out;
}

/** The server's query: a time range becomes an instant, rounded to the minute so the query key stays put. */
export function toServerFilters(filters: LogFilters, now: number): DeliveryFilters {
  const since = filters.time ? new Date(Math.floor((now - rangeMs[filters.time]) / 60_000) * 60_000) : null;
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.flow ? { flow_id: filters.flow } : {}),
    ...(since ? { since: since.toISOString() } : {}),
  };
}
