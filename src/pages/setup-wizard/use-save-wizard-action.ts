import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PagerDutyActionInput } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { flowQueries } from '../../api/queries';
import { keepAction } from '../../features/flow-actions';
import type { FlowChoice } from './wizard-storage';

/** Saves the wizard's action: a new flow with it, or appended to an existing flow (its other actions untouched). */
export function useSaveWizardAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ choice, action }: { choice: FlowChoice; action: PagerDutyActionInput }) => {
      if (choice.mode === 'new') {
        return apiRequest('createFlow', {
          body: { name: choice.name.trim(), trigger_type: choice.trigger_type, actions: [action] },
        });
      }
      if (choice.flowId === null) throw new Error('No flow chosen');
      // Read it fresh so actions added elsewhere meanwhile are kept.
      const flow = await apiRequest('getFlow', { params: { id: choice.flowId } });
      return apiRequest('updateFlow', {
        params: { id: flow.id },
        ifMatch: flow.updated,
        body: { actions: [...flow.actions.map(keepAction), action] },
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowQueries.all }),
  });
}
