import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { blockedNavigation, registerBlocker, subscribe, type ShouldBlock } from './blockable-history';

export interface Blocker {
  state: 'blocked' | 'unblocked';
  proceed: () => void;
  reset: () => void;
}

const unblocked: Blocker = { state: 'unblocked', proceed: () => undefined, reset: () => undefined };

/**
 * Holds a navigation (link, `navigate`, redirect, Back/Forward) while `shouldBlock(current, next)` is true, until
 * `proceed()` performs it or `reset()` stays.
 */
export function useBlocker(shouldBlock: ShouldBlock): Blocker {
  const [key] = useState(() => ({}));
  const latest = useRef(shouldBlock);
  // Layout effects: a page that unmounts (e.g. on sign-out) must stop blocking before a <Redirect> fires.
  useLayoutEffect(() => {
    latest.current = shouldBlock;
  });
  useLayoutEffect(() => registerBlocker(key, (current, next) => latest.current(current, next)), [key]);
  const held = useSyncExternalStore(subscribe, blockedNavigation);
  return held?.blocker === key ? { state: 'blocked', proceed: held.proceed, reset: held.reset } : unblocked;
}
