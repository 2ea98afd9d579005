import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../http-client';

export const sessionQueries = {
  all: ['session'] as const,
  me: () =>
    queryOptions({
      queryKey: [...sessionQueries.all, 'me'] as const,
      queryFn: ({ signal }) => apiRequest('me', { signal }),
      staleTime: 5 * 60_000,
    }),
};
