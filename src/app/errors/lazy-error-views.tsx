import { lazy, Suspense, type ComponentProps } from 'react';
import { PageLoading } from '../page-loading';

// Error views load only when something failed: Alert and its icons are no part of a page's first paint.
const RouteErrorView = lazy(async () => ({ default: (await import('./route-error-boundary')).RouteErrorBoundary }));
const QueryErrorView = lazy(async () => ({ default: (await import('./query-error-alert')).QueryErrorAlert }));

/** The router's error element; the view reads the error with `useRouteError` once loaded. */
export function LazyRouteErrorBoundary() {
  return (
    <Suspense fallback={<PageLoading label="Loading the error details" />}>
      <RouteErrorView />
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
