/**
 * Stands in for `use-sync-external-store/shim` (vite.config.ts aliases it here), which wouter imports to support
 * React 17. On React 18 and later the shim only hands back React's own hook, yet its fallback ships in the first
 * paint; this is that hand-back without the fallback.
 */
export { useSyncExternalStore } from 'react';
