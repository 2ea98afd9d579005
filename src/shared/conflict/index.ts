export { ConflictProvider, useShowConflict, type ConflictReport } from './conflict-provider';
export { describeChanges } from './describe-changes';
