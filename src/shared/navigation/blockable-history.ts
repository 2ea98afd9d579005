// The one module allowed to write the browser history: every navigation of the app passes `navigate` or the
// popstate listener below, so a blocker (LeavePrompt) can hold it.
import { navigate as writeHistory } from 'wouter/use-browser-location';

export interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

/** Whether to hold a navigation from `current` to `next` until the user decides. */
export type ShouldBlock = (current: HistoryLocation, next: HistoryLocation) => boolean;

/** A held navigation: `proceed` performs it, `reset` drops it and stays. */
export interface BlockedNavigation {
  readonly blocker: object;
  readonly next: HistoryLocation;
  proceed(): void;
  reset(): void;
}

/**
 * What this module keeps in `history.state`: the entry's position, so a Back/Forward can be measured (delta) and
 * undone with `history.go(-delta)` while it is held, plus the caller's own state.
 */
interface EntryState {
  idx: number;
  state: unknown;
}

const listeners = new Set<() => void>();
const blockers = new Map<object, ShouldBlock>();
let current: HistoryLocation = readLocation();
let index = 0;
let blocked: BlockedNavigation | null = null;
// The popstate that follows our own `history.go(-delta)` (undoing a held Back/Forward) changes nothing.
let undoingPop = false;
// The popstate that follows `proceed()` of a held Back/Forward must not be held again.
let proceedingPop = false;

function readLocation(): HistoryLocation {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

function readIndex(): number | null {
  const idx = (window.history.state as Partial<EntryState> | null)?.idx;
  return typeof idx === 'number' ? idx : null;
}

/** Stamps the current entry with an index unless it has one (a reload keeps `history.state`). */
function adoptCurrentEntry() {
  current = readLocation();
  const idx = readIndex();
  if (idx !== null) index = idx;
  else {
    index = 0;
    window.history.replaceState({ idx: 0, state: window.history.state } satisfies EntryState, '');
  }
}

function notify() {
  for (const listener of [...listeners]) listener();
}

function resolve(to: string): HistoryLocation {
  const url = new URL(to, `${window.location.origin}${current.pathname}${current.search}${current.hash}`);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

const hrefOf = (location: HistoryLocation) => `${location.pathname}${location.search}${location.hash}`;

function findBlocker(next: HistoryLocation): object | undefined {
  for (const [blocker, shouldBlock] of blockers) if (shouldBlock(current, next)) return blocker;
  return undefined;
}

function hold(blocker: object, next: HistoryLocation, perform: () => void) {
  const navigation: BlockedNavigation = {
    blocker,
    next,
    proceed() {
      if (blocked !== navigation) return;
      blocked = null;
      notify();
      perform();
    },
    reset() {
      if (blocked !== navigation) return;
      blocked = null;
      notify();
    },
  };
  blocked = navigation;
  notify();
}

function commit(to: string, { replace = false, state = null }: NavigateOptions) {
  if (!replace) index += 1;
  writeHistory(to, { replace, state: { idx: index, state } satisfies EntryState });
  current = readLocation();
  blocked = null;
  notify();
}

/** Goes to `to` (path, search and hash), unless a blocker holds it. */
export function navigate(to: string, options: NavigateOptions = {}) {
  const next = resolve(to);
  // Like a browser link to the page already shown: replace the entry rather than stack a duplicate.
  const settled = { ...options, replace: options.replace ?? hrefOf(next) === hrefOf(current) };
  const blocker = findBlocker(next);
  if (blocker) hold(blocker, next, () => commit(to, settled));
  else commit(to, settled);
}

function onPopState() {
  if (undoingPop) {
    undoingPop = false;
    return;
  }
  const next = readLocation();
  const nextIndex = readIndex();
  if (nextIndex === null) {
    // A new entry the browser made itself (a plain #fragment link): number it like a push.
    index += 1;
    window.history.replaceState({ idx: index, state: null } satisfies EntryState, '');
  } else {
    const delta = nextIndex - index;
    const blocker = proceedingPop || delta === 0 ? undefined : findBlocker(next);
    proceedingPop = false;
    if (blocker) {
      // The browser has already moved: put the address back to what the page shows, and hold the move.
      undoingPop = true;
      window.history.go(-delta);
      hold(blocker, next, () => {
        proceedingPop = true;
        window.history.go(delta);
      });
      return;
    }
    index = nextIndex;
  }
  current = next;
  blocked = null;
  notify();
}

window.addEventListener('popstate', onPopState);
adoptCurrentEntry();

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The location the app shows (during a held Back/Forward the address bar briefly differs). */
export const currentLocation = (): HistoryLocation => current;
/** The `state` the current entry was navigated to with (e.g. where focus should start), unwrapped. */
export const currentState = (): unknown => (window.history.state as Partial<EntryState> | null)?.state;

export const blockedNavigation = (): BlockedNavigation | null => blocked;

/** Registers a blocker; the first registered one that wants a navigation holds it. Returns the unregister. */
export function registerBlocker(blocker: object, shouldBlock: ShouldBlock): () => void {
  blockers.set(blocker, shouldBlock);
  return () => {
    blockers.delete(blocker);
    if (blocked?.blocker === blocker) {
      blocked = null;
      notify();
    }
  };
}

/**
 * Starts over at `path` (tests): replaces the current entry, forgets any held navigation and blocker, and tells
 * subscribers. jsdom keeps one history per test file, so each test begins with this.
 */
export function startAt(path: string) {
  blockers.clear();
  blocked = null;
  undoingPop = false;
  proceedingPop = false;
  index = 0;
  writeHistory(path, { replace: true, state: { idx: 0, state: null } satisfies EntryState });
  current = readLocation();
  notify();
}
