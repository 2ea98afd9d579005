export { describeHealth, wayOutText, type HealthView, type WayOut } from './describe-health';
export { HealthStatus } from './health-status';
export { IntegrationHealth } from './integration-health';
export { KeyFacts } from './key-facts';
export { ActionHealth } from './action-health';
export { useVerifyKey } from './use-verify-key';
