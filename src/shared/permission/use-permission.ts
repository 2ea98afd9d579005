import { endpoints, roleRank, type EndpointName } from '../../api/contract';
import { useSession } from '../session';

export interface Permission {
  allowed: boolean;
  /** Why not, in one sentence, when not allowed. */
  reason: string | null;
}

/**
 * Whether the signed-in user's role may call `endpoint`, from the same table the server enforces. While the user
 * is still loading nothing is refused: the server has the last word anyway.
 */
export function usePermission(endpoint: EndpointName, what: string): Permission {
  const { user } = useSession();
  const minRole = endpoints[endpoint].minRole;
  if (!user || !minRole || roleRank[user.role] >= roleRank[minRole]) return { allowed: true, reason: null };
  return { allowed: false, reason: `${minRole} permission required to ${what}.` };
}
