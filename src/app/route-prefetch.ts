import type { QueryClient } from '@tanstack/react-query';
import { useLayoutEffect } from 'react';
import { matchRoute, useRouter } from 'wouter';
import { currentLocation, subscribe } from '../shared/navigation/blockable-history';
import { tokenStore } from '../shared/session/token-store';

type RouteParams = Record<string, string | undefined>;
type PrefetchOptions = Parameters<QueryClient['prefetchQuery']>[0];

/** The queries a page will ask for, from its route's params. */
export type RoutePrefetch = (params: RouteParams) => readonly { queryKey: readonly unknown[] }[];

export interface PrefetchedRoute {
  path: string;
  prefetch?: RoutePrefetch;
}

/** Signed out, nothing is prefetched: RequireAuth sends the visitor to sign in. */
const signedIn = () => Boolean(tokenStore.getState().token);

/** Settles when every query has (prefetchQuery never rejects: a failure is the page's to show). */
const prefetchAll = (queryClient: QueryClient, queries: ReturnType<RoutePrefetch>) =>
  Promise.all(queries.map((options) => queryClient.prefetchQuery(options as PrefetchOptions)));

/** Starts a page's queries without waiting for them (the page shows its own loading state). */
export function prefetchRouteQueries(queryClient: QueryClient, prefetch: RoutePrefetch, params: RouteParams) {
  if (signedIn()) void prefetchAll(queryClient, prefetch(params));
}

/**
 * How long a page waits for its first data before it renders with its own loading states instead. Data that
 * arrives later re-renders the page synchronously (React Query's store updates cannot be time-sliced), which on a
 * slow phone is one long task blocking input; data that arrives in time is there for the page's first render.
 */
export const routeDataWaitMs = 2_000;

/**
 * Resolves once each of the route's queries that has no data yet has settled (answered or failed; a failure is the
 * page's to show), or after `waitAtMostMs`; undefined when nothing is missing or no one is signed in.
 */
export function routeDataReady(
  queryClient: QueryClient,
  prefetch: RoutePrefetch,
  params: RouteParams,
  waitAtMostMs = routeDataWaitMs,
): Promise<void> | undefined {
  if (!signedIn()) return undefined;
  const missing = prefetch(params).filter((options) => queryClient.getQueryData(options.queryKey) === undefined);
  if (!missing.length) return undefined;
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitAtMostMs);
    void prefetchAll(queryClient, missing).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Prefetches a route's queries as it is entered: on every committed navigation, before React renders the page
 * (and so in parallel with its chunk), and for the address the app starts at. Moving within a route (the wizard's
 * `?step=`) is not an entry.
 */
export function usePrefetchOnRouteEntry(queryClient: QueryClient | undefined, routes: readonly PrefetchedRoute[]) {
  const { parser } = useRouter();
  useLayoutEffect(() => {
    if (!queryClient) return;
    let entered: string | undefined;
    const onLocation = () => {
      const { pathname } = currentLocation();
      for (const route of routes) {
        const [matches, params] = matchRoute(parser, route.path, pathname);
        if (!matches) continue;
        const entry = `${route.path} ${JSON.stringify(params)}`;
        if (entry === entered) return;
        entered = entry;
        if (route.prefetch) prefetchRouteQueries(queryClient, route.prefetch, params);
        return;
      }
      entered = undefined;
    };
    onLocation();
    return subscribe(onLocation);
  }, [queryClient, routes, parser]);
}
