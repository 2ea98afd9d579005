import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../http-client';

export const integrationQueries = {
  all: ['integrations'] as const,
  list: () =>
    queryOptions({
      queryKey: [...integrationQueries.all, 'list'] as const,
      queryFn: ({ signal }) => apiRequest('listIntegrations', { signal }),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...integrationQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => apiRequest('getIntegration', { params: { id }, signal }),
    }),
  /** The channels a connected alerting integration can post to; 409 while the type is not connected. */
  channels: (type: string) =>
    queryOptions({
      queryKey: [...integrationQueries.all, 'channels', type] as const,
      queryFn: ({ signal }) => apiRequest('listChannels', { params: { type }, signal }),
    }),
};
