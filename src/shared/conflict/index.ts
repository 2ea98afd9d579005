// describeChanges stays out: only the lazily loaded conflict dialog uses it, and through this barrel the build's
// shell (everything the entry imports statically) would carry it on every page.
export { ConflictProvider, useShowConflict, type ConflictReport } from './conflict-provider';
