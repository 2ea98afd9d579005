export { ExecuteFlowButton, severitySummary } from './execute-flow-button';
export { ExecutionsList } from './executions-list';
export { isUnderway } from './describe-execution';
