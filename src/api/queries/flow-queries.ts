import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../http-client';

export const flowQueries = {
  all: ['flows'] as const,
  list: () =>
    queryOptions({
      queryKey: [...flowQueries.all, 'list'] as const,
      queryFn: ({ signal }) => apiRequest('listFlows', { signal }),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...flowQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => apiRequest('getFlow', { params: { id }, signal }),
    }),
};
