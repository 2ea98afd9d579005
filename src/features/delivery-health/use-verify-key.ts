import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http-client';
import { deliveryQueries, integrationQueries } from '../../api/queries';

/** **Verify key**: a change event with the stored key (no incident); the answer carries the new health. */
export function useVerifyKey(integrationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('verifyIntegration', { params: { id: integrationId } }),
    onSuccess: (integration) => {
      queryClient.setQueryData(integrationQueries.detail(integrationId).queryKey, integration);
      void queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
      void queryClient.invalidateQueries({ queryKey: deliveryQueries.all });
    },
  });
}
