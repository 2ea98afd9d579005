import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateIntegrationRequest, Integration, UpdateIntegrationRequest } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { integrationQueries } from '../../api/queries';
import { useNotify } from '../../app/notifier';

export const successMessages = {
  created: 'The Integration has been successfully created.',
  updated: 'The Integration has been successfully updated',
  disconnected: 'The Integration has been successfully disconnected',
} as const;

// Success messages are sent from the hooks' own callbacks: those run even when the component that
// started the mutation is gone by then (a disconnected card turns into a "Not connected" one).

export function useCreateIntegration() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (body: CreateIntegrationRequest) => apiRequest('createIntegration', { body }),
    onSuccess: (integration) => {
      notify({ message: successMessages.created, severity: 'success' });
      queryClient.setQueryData(integrationQueries.detail(integration.id).queryKey, integration);
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}

export function useUpdateIntegration(id: number) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    /** `version`: the `updated` of the integration the form shows, so a save never overwrites a newer one. */
    mutationFn: ({ body, version }: { body: UpdateIntegrationRequest; version: string }) =>
      apiRequest('updateIntegration', { params: { id }, body, ifMatch: version }),
    onSuccess: (integration: Integration) => {
      notify({ message: successMessages.updated, severity: 'success' });
      queryClient.setQueryData(integrationQueries.detail(id).queryKey, integration);
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}

export function useDeleteIntegration() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (id: number) => apiRequest('deleteIntegration', { params: { id } }),
    onSuccess: (_, id) => {
      notify({ message: successMessages.disconnected, severity: 'success' });
      // A page still showing it (settings) drops it once it has navigated away; refetching now would only 404.
      queryClient.removeQueries({ queryKey: integrationQueries.detail(id).queryKey, type: 'inactive' });
      queryClient.setQueryData(integrationQueries.list().queryKey, (list) => list?.filter((item) => item.id !== id));
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}
