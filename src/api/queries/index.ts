export { sessionQueries } from './session-queries';
export { specificationQueries } from './specification-queries';
export { integrationQueries } from './integration-queries';
export { flowQueries } from './flow-queries';
export { deliveryQueries, deliveryPageSize, type DeliveryFilters } from './delivery-queries';
export { executionQueries } from './execution-queries';
