export { DeliveryDetail } from './delivery-detail';
export { DeliveryFilterBar } from './delivery-filter-bar';
export { logFiltersToSearch, parseLogFilters, toServerFilters, type LogFilters } from './delivery-filters';
export { DeliveryStatus } from './delivery-status';
export { DeliveryTable } from './delivery-table';
export { isLive, kindLabels, pagerDutyAnswer, statusText } from './describe-delivery';
