import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useCurrentHref } from '../navigation';
import { LazyRouteErrorView } from './lazy-error-views';

/** One per route: a page that throws (or whose chunk fails to load) shows the error view; moving elsewhere clears it. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const href = useCurrentHref();
  return (
    <ErrorBoundary FallbackComponent={LazyRouteErrorView} resetKeys={[href]}>
      {children}
    </ErrorBoundary>
  );
}
