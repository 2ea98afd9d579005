export { RouteErrorBoundary } from './route-error-boundary';
export { QueryErrorAlert, errorMessage } from './query-error-alert';
export { LazyQueryErrorAlert } from './lazy-error-views';
export { detailWithPagerDutyReason, pagerDutyReason } from './pagerduty-reason';
export { NotFoundView } from './not-found-view';
