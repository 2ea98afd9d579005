import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Redirect } from 'wouter';
import { useCurrentHref } from '../navigation';
import { useTokenState } from './use-session';

/** Where to go after signing in: only a path inside this app, never another origin. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/integrations';
  if (next.startsWith('/sign-in')) return '/integrations';
  return next;
}

function SignedOutRedirect({ next }: { next: string }) {
  const queryClient = useQueryClient();
  // Data of the ended session must not stay in memory for whoever signs in next.
  useEffect(() => () => queryClient.removeQueries(), [queryClient]);
  return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
}

/** Renders its children only with a token; otherwise sends the user to sign in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { token } = useTokenState();
  const href = useCurrentHref();
  if (!token) return <SignedOutRedirect next={href} />;
  return children;
}
