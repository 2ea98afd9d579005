import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import {
  integrationSchema,
  type CreateIntegrationRequest,
  type Integration,
  type IntegrationSpec,
  type UpdateIntegrationRequest,
} from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { integrationQueries } from '../../api/queries';
import { useShowConflict } from '../../shared/conflict';
import { useNotify } from '../../shared/notifier';
import { visibleSettings } from './integration-model';

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
    /** `signal` lets Cancel abort a connect that waits for the service to check the credentials. */
    mutationFn: ({ body, signal }: { body: CreateIntegrationRequest; signal?: AbortSignal }) =>
      apiRequest('createIntegration', { body, ...(signal ? { signal } : {}) }),
    onSuccess: (integration) => {
      notify({ message: successMessages.created, severity: 'success' });
      queryClient.setQueryData(integrationQueries.detail(integration.id).queryKey, integration);
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
  });
}

export function useUpdateIntegration(spec: IntegrationSpec, id: number) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const showConflict = useShowConflict();
  const detailKey = integrationQueries.detail(id).queryKey;
  return useMutation({
    /** `version`: the `updated` of the integration the form shows, so a save never overwrites a newer one. */
    mutationFn: ({ body, version }: { body: UpdateIntegrationRequest; version: string }) =>
      apiRequest('updateIntegration', { params: { id }, body, ifMatch: version }),
    onSuccess: (integration: Integration) => {
      notify({ message: successMessages.updated, severity: 'success' });
      queryClient.setQueryData(detailKey, integration);
      return queryClient.invalidateQueries({ queryKey: integrationQueries.list().queryKey });
    },
    // A save that lost a race (409): the app's conflict dialog, as for flows. Reload puts the server's version under
    // the form; what was typed stays unless a visible setting changed, and the next Update is based on it.
    onError: (error) => {
      if (!isApiError(error) || error.kind !== 'conflict') return;
      const based = queryClient.getQueryData(detailKey);
      const current = integrationSchema.safeParse(error.conflictCurrent);
      const base = based ? visibleSettings(spec.properties, based) : {};
      const now = current.success ? visibleSettings(spec.properties, current.data) : undefined;
      const keepsTyping = now !== undefined && JSON.stringify(now) === JSON.stringify(base);
      showConflict({
        what: `${spec.label} Integration`,
        base,
        ...(now ? { current: now } : {}),
        ...(keepsTyping
          ? { reloadNote: 'Reload keeps what you typed here; Update then saves it on top of the current version.' }
          : {}),
        onReload: () => {
          if (current.success) queryClient.setQueryData(detailKey, current.data);
          else void queryClient.invalidateQueries({ queryKey: detailKey });
        },
      });
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
