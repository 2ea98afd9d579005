import { useSyncExternalStore, type ReactNode } from 'react';
import { Router } from 'wouter';
import { currentLocation, navigate, subscribe } from './blockable-history';

const pathname = () => currentLocation().pathname;
const search = () => currentLocation().search;

// Module-level, so wouter sees the same hooks on every render.
const useBlockableLocation = (): [string, typeof navigate] => [useSyncExternalStore(subscribe, pathname), navigate];
const useBlockableSearch = () => useSyncExternalStore(subscribe, search);

/**
 * wouter reading and writing the location through the blockable history: links, `navigate`, `<Redirect>` and
 * the browser's Back/Forward all pass the blockers.
 */
export function NavigationRouter({ children }: { children: ReactNode }) {
  return (
    <Router hook={useBlockableLocation} searchHook={useBlockableSearch}>
      {children}
    </Router>
  );
}
