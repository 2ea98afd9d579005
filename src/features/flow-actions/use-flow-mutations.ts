import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { flowSchema, type CreateFlowRequest, type Flow, type UpdateFlowRequest } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { flowQueries } from '../../api/queries';
import { flowActionLabels } from '../../integrations';
import { useShowConflict } from '../../shared/conflict';

export function useCreateFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFlowRequest) => apiRequest('createFlow', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowQueries.all }),
  });
}

export function useUpdateFlow(id: number) {
  const queryClient = useQueryClient();
  const showConflict = useShowConflict();
  const detailKey = flowQueries.detail(id).queryKey;
  return useMutation({
    // Sent with the version the page shows (If-Match), so a save from another tab in between is not overwritten.
    mutationFn: (body: UpdateFlowRequest) => {
      const base = queryClient.getQueryData(detailKey);
      return apiRequest('updateFlow', { params: { id }, body, ...(base ? { ifMatch: base.updated } : {}) });
    },
    onSuccess: (flow: Flow) => {
      queryClient.setQueryData(detailKey, flow);
      return queryClient.invalidateQueries({ queryKey: flowQueries.all });
    },
    // A save that lost a race (409): the app's conflict dialog says what changed; Reload puts the server's version
    // in the form (or refetches it when the answer did not carry it).
    onError: (error) => {
      if (!isApiError(error) || error.kind !== 'conflict') return;
      const current = flowSchema.safeParse(error.conflictCurrent);
      const base = queryClient.getQueryData(detailKey);
      showConflict({
        what: `flow “${base?.name ?? (current.success ? current.data.name : '')}”`,
        base,
        ...(current.success ? { current: current.data } : {}),
        labels: flowActionLabels([...(base?.actions ?? []), ...(current.data?.actions ?? [])].map((a) => a.type)),
        onReload: () => {
          if (current.success) {
            queryClient.setQueryData(detailKey, current.data);
            void queryClient.invalidateQueries({ queryKey: flowQueries.all, refetchType: 'none' });
          } else void queryClient.invalidateQueries({ queryKey: flowQueries.all });
        },
      });
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
