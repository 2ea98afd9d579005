import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { DeliveryListQuery } from '../contract';
import { apiRequest } from '../http-client';

/** The log's filters: everything of the list query but its paging. */
export type DeliveryFilters = Omit<DeliveryListQuery, 'limit' | 'before'>;

export const deliveryPageSize = 50;

export const deliveryQueries = {
  all: ['deliveries'] as const,
  lists: () => [...deliveryQueries.all, 'list'] as const,
  /** Keyset pages, newest first: each page's `next_cursor` is the next one's `before`. */
  list: (filters: DeliveryFilters) =>
    infiniteQueryOptions({
      queryKey: [...deliveryQueries.lists(), filters] as const,
      queryFn: ({ signal, pageParam }) =>
        apiRequest('listDeliveries', {
          query: { ...filters, limit: deliveryPageSize, ...(pageParam ? { before: pageParam } : {}) },
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.next_cursor,
    }),
  /** The newest delivery matching `filters`, or null. */
  latest: (filters: DeliveryFilters) =>
    queryOptions({
      queryKey: [...deliveryQueries.all, 'latest', filters] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest('listDeliveries', { query: { ...filters, limit: 1 }, signal })).items[0] ?? null,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...deliveryQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => apiRequest('getDelivery', { params: { id }, signal }),
    }),
};
