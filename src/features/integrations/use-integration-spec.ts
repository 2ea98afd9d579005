import { useQuery } from '@tanstack/react-query';
import type { IntegrationSpec } from '../../api/contract';
import { specificationQueries } from '../../api/queries';

/** The catalog entry of one integration type, from the specifications cached for the session. */
export function useIntegrationSpec(type: string | undefined) {
  const query = useQuery(specificationQueries.integrations());
  const spec: IntegrationSpec | undefined = type ? query.data?.find((entry) => entry.type === type) : undefined;
  return { specs: query, spec };
}
