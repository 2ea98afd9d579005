import { useSyncExternalStore } from 'react';

export type ColorMode = 'light' | 'dark' | 'system';
export type ColorScheme = 'light' | 'dark';

/** The same key and values MUI's colour-scheme provider used, so a mode chosen before is still the one in force. */
export const colorModeStorageKey = 'qualytics.theme-mode';
const modes: readonly ColorMode[] = ['light', 'dark', 'system'];
const darkQuery = '(prefers-color-scheme: dark)';

function storedMode(): ColorMode {
  try {
    const value = localStorage.getItem(colorModeStorageKey);
    return modes.includes(value as ColorMode) ? (value as ColorMode) : 'system';
  } catch {
    // Storage can be disabled (a locked-down browser profile): the system's preference then, every visit.
    return 'system';
  }
}

const systemScheme = (): ColorScheme =>
  typeof matchMedia === 'function' && matchMedia(darkQuery).matches ? 'dark' : 'light';

interface ColorModeState {
  mode: ColorMode;
  scheme: ColorScheme;
}

let state: ColorModeState | undefined;
const listeners = new Set<() => void>();
/** Stops following the system and other tabs, once nothing renders with the mode. */
let stopListening: (() => void) | undefined;

function compute(mode: ColorMode): ColorModeState {
  return { mode, scheme: mode === 'system' ? systemScheme() : mode };
}

function update(next: ColorModeState) {
  if (state && next.mode === state.mode && next.scheme === state.scheme) return;
  state = next;
  for (const listener of listeners) listener();
}

function snapshot(): ColorModeState {
  state ??= compute(storedMode());
  return state;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    // Follow the system while in 'system', and a choice made in another tab of the console.
    const media = typeof matchMedia === 'function' ? matchMedia(darkQuery) : null;
    const onSystem = () => update(compute(snapshot().mode));
    const onStorage = (event: StorageEvent) => {
      // `key` is null when another tab clears the whole storage: back to the system's preference then.
      if (event.key === colorModeStorageKey || event.key === null) update(compute(storedMode()));
    };
    media?.addEventListener('change', onSystem);
    window.addEventListener('storage', onStorage);
    stopListening = () => {
      media?.removeEventListener('change', onSystem);
      window.removeEventListener('storage', onStorage);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stopListening?.();
  };
}

export function setColorMode(mode: ColorMode) {
  try {
    localStorage.setItem(colorModeStorageKey, mode);
  } catch {
    // Not kept across visits where storage is disabled; this visit still switches.
  }
  update(compute(mode));
}

/**
 * The chosen mode and the scheme in force, read synchronously in the first render (no second pass after mount).
 * MUI's own colour-scheme provider does the same, but brings the CSS-variables machinery into the first paint.
 */
export function useColorMode(): ColorModeState & { setMode: (mode: ColorMode) => void } {
  const current = useSyncExternalStore(subscribe, snapshot);
  return { ...current, setMode: setColorMode };
}

/** Forgets the cached state: tests start each case from what storage holds. */
export function resetColorModeForTests() {
  state = undefined;
}
