import { useSyncExternalStore } from 'react';
import { useLocation } from 'wouter';
import { currentLocation, subscribe } from './blockable-history';

/** `navigate(to, { replace, state })` of the nearest router (the blockable one in the app). */
export const useNavigate = () => useLocation()[1];

const href = () => {
  const { pathname, search, hash } = currentLocation();
  return `${pathname}${search}${hash}`;
};

/** The address shown, path with search and hash (wouter's own hooks give the path and search apart). */
export const useCurrentHref = () => useSyncExternalStore(subscribe, href);
