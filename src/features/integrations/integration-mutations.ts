import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateIntegrationRequest, Integration, UpdateIntegrationRequest } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { integrationQueries } from '../../api/queries';

export function useCreateIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIntegrationRequest) => apiRequest('createIntegration', { body }),
    onSuccess: (integration) => {
      queryClient.setQueryData(integrationQueries.detail(integration.id).queryKey, integration);
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}

export function useUpdateIntegration(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateIntegrationRequest) => apiRequest('updateIntegration', { params: { id }, body }),
    onSuccess: (integration: Integration) => {
      queryClient.setQueryData(integrationQueries.detail(id).queryKey, integration);
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}

export function useDeleteIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest('deleteIntegration', { params: { id } }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: integrationQueries.detail(id).queryKey });
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}

export const successMessages = {
  created: 'The Integration has been successfully created.',
  updated: 'The Integration has been successfully updated',
  disconnected: 'The Integration has been successfully disconnected',
} as const;
