import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { User } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { sessionQueries } from '../../api/queries';
import { tokenStore } from './token-store';

export function useTokenState() {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.getState);
}

export interface Session {
  user: User | null;
  token: string | null;
  /** Checks the token with `GET /api/users/me` first; rejects with an ApiError when it is not accepted. */
  signIn(token: string): Promise<User>;
  signOut(): void;
}

export function useSession(): Session & { userError: unknown } {
  const { token } = useTokenState();
  const queryClient = useQueryClient();
  const me = useQuery({ ...sessionQueries.me(), enabled: token !== null });

  const signIn = useCallback(
    async (candidate: string) => {
      const user = await apiRequest('me', { token: candidate });
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.me().queryKey, user);
      tokenStore.setToken(candidate);
      return user;
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    tokenStore.clear('signed-out');
  }, []);

  return { user: token ? (me.data ?? null) : null, token, signIn, signOut, userError: me.error };
}
