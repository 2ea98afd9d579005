import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../http-client';

/** Specifications change only with a deployment: fetched once and kept for the session. */
export const specificationQueries = {
  all: ['specifications'] as const,
  integrations: () =>
    queryOptions({
      queryKey: [...specificationQueries.all, 'integrations'] as const,
      queryFn: ({ signal }) => apiRequest('integrationSpecs', { signal }),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  actionNotifications: () =>
    queryOptions({
      queryKey: [...specificationQueries.all, 'action-notifications'] as const,
      queryFn: ({ signal }) => apiRequest('actionNotificationSpecs', { signal }),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  tokens: () =>
    queryOptions({
      queryKey: [...specificationQueries.all, 'tokens'] as const,
      queryFn: ({ signal }) => apiRequest('notificationTokens', { signal }),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};
