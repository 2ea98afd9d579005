import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFlowRequest, Flow, UpdateFlowRequest } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { flowQueries } from '../../api/queries';

export function useCreateFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFlowRequest) => apiRequest('createFlow', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowQueries.all }),
  });
}

export function useUpdateFlow(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateFlowRequest) => apiRequest('updateFlow', { params: { id }, body }),
    onSuccess: (flow: Flow) => {
      queryClient.setQueryData(flowQueries.detail(id).queryKey, flow);
      return queryClient.invalidateQueries({ queryKey: flowQueries.all });
    },
  });
}

export function useDeleteFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest('deleteFlow', { params: { id } }),
    // Refetching now would ask for the deleted flow while its page is still open: mark stale, refetch on next use.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowQueries.all, refetchType: 'none' }),
  });
}
