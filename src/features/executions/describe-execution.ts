import type { Execution, ExecutionActionStatus, ExecutionStatus } from '../../api/contract';

export const executionStatusLabels: Record<ExecutionStatus, string> = {
  running: 'Running',
  success: 'Success',
  failure: 'Failure',
};

export const nodeStatusLabels: Record<ExecutionActionStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  success: 'Success',
  failure: 'Failure',
  skipped: 'Skipped',
};

/** Something of it may still change: the list keeps asking only while this holds for one. */
export const isUnderway = (execution: Execution) =>
  execution.status === 'running' || execution.actions.some((a) => a.status === 'pending' || a.status === 'running');
