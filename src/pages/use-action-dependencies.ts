import { useQueries } from '@tanstack/react-query';
import type { MessageToken, SpecProperty, TriggerType } from '../api/contract';
import { integrationQueries, specificationQueries } from '../api/queries';
import { descriptorForActionType } from '../integrations';

const actionType = 'PagerDuty';
// The integration type that delivers this action type, from its descriptor (the page names the action, not the type).
const integrationType = descriptorForActionType(actionType)?.type;

/** What the PagerDuty action editor needs from the server, loaded in parallel. */
export function useActionDependencies() {
  const [specs, tokens, integrations] = useQueries({
    queries: [specificationQueries.actionNotifications(), specificationQueries.tokens(), integrationQueries.list()],
  });
  const spec = specs.data?.find((s) => s.type === actionType);
  const allTokens: MessageToken[] = (tokens.data ?? []).flatMap((t) => t.tokens);
  const properties: readonly SpecProperty[] = spec?.properties ?? [];
  // Only a query with nothing to show stops the page; a failed refresh of one that has data is only reported.
  const failed = [specs, tokens, integrations].find((q) => q.isError && q.data === undefined);
  const refreshFailed = [specs, tokens, integrations].find((q) => q.isError && q.data !== undefined);
  return {
    pending: specs.isPending || tokens.isPending || integrations.isPending,
    error: failed?.error ?? null,
    refreshError: refreshFailed?.error ?? null,
    retry: () => {
      for (const q of [specs, tokens, integrations]) if (q.isError) void q.refetch();
    },
    specMissing: specs.data !== undefined && !spec,
    properties,
    allTokens,
    tokensFor: (trigger: TriggerType) => tokens.data?.find((t) => t.trigger_type === trigger)?.tokens ?? [],
    integration: integrations.data?.find((i) => i.type === integrationType),
  };
}

export type ActionDependencies = ReturnType<typeof useActionDependencies>;
