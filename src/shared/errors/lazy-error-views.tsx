import { lazy, Suspense, type ComponentProps } from 'react';
import type { FallbackProps } from 'react-error-boundary';
import { PageLoading } from '../page-loading';

// Error views load only when something failed: Alert and its icons are no part of a page's first paint.
const RouteErrorView = lazy(async () => ({ default: (await import('./route-error-view')).RouteErrorView }));
const QueryErrorView = lazy(async () => ({ default: (await import('./query-error-alert')).QueryErrorAlert }));

/** The route error boundary's fallback, loaded on first use. */
export function LazyRouteErrorView(props: FallbackProps) {
  return (
    <Suspense fallback={<PageLoading label="Loading the error details" />}>
      <RouteErrorView {...props} />
    </Suspense>
  );
}

/** `QueryErrorAlert`, loaded on first use. */
export function LazyQueryErrorAlert(props: ComponentProps<typeof QueryErrorView>) {
  return (
    <Suspense fallback={null}>
      <QueryErrorView {...props} />
    </Suspense>
  );
}
