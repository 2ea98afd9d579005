import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, ApiError } from '../../api/api-error';
import type { TestNotificationRequest } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { flowQueries } from '../../api/queries';
import type { TestOutcome } from './test-result-card';

/** Sends a test trigger event and keeps its outcome (delivered or failed) for the result card. */
export function useSendTest(onOutcome?: (outcome: TestOutcome) => void) {
  const queryClient = useQueryClient();
  const [outcome, setOutcomeState] = useState<TestOutcome | null>(null);
  const setOutcome = (next: TestOutcome) => {
    setOutcomeState(next);
    onOutcome?.(next);
  };
  const mutation = useMutation({
    mutationFn: (body: TestNotificationRequest) => apiRequest('testNotification', { body }),
    onSuccess: (response) => setOutcome({ kind: 'delivered', response }),
    onError: (error) =>
      setOutcome({
        kind: 'failed',
        at: new Date(),
        error: isApiError(error) ? error : new ApiError({ kind: 'server', status: 0, detail: String(error) }),
      }),
    onSettled: (_data, _error, body) => {
      // The server keeps the action's last test: refresh it.
      if (body.flow_id) return queryClient.invalidateQueries({ queryKey: flowQueries.all });
    },
  });
  return { send: mutation.mutate, pending: mutation.isPending, outcome, clear: () => setOutcomeState(null) };
}
