export { ConflictProvider, useShowConflict, type ConflictReport } from './conflict-dialog';
export { describeChanges } from './describe-changes';
