import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http-client';
import { deliveryQueries, flowQueries, integrationQueries } from '../../api/queries';

export type FollowUp = 'retry' | 'acknowledge' | 'resolve';

const endpointOf = { retry: 'retryDelivery', acknowledge: 'acknowledgeDelivery', resolve: 'resolveDelivery' } as const;

/** Retry now / Acknowledge / Resolve: each a new (or re-queued) delivery; health and the log follow. */
export function useDeliveryAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: FollowUp }) =>
      apiRequest(endpointOf[action], { params: { id } }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: deliveryQueries.all }),
        queryClient.invalidateQueries({ queryKey: integrationQueries.all }),
        queryClient.invalidateQueries({ queryKey: flowQueries.all }),
      ]);
    },
  });
}
