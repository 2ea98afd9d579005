import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { colorModeStorageKey, resetColorModeForTests, useColorMode } from './color-mode';

/** A system preference the test can flip, as `matchMedia('(prefers-color-scheme: dark)')` reports it. */
function stubSystemPreference(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => media);
  return {
    set(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

describe('useColorMode', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    resetColorModeForTests();
  });

  it("in 'system' follows the system's preference as it changes, and stops listening when unused", () => {
    const system = stubSystemPreference(true);
    const { result, unmount } = renderHook(() => useColorMode());
    expect(result.current).toMatchObject({ mode: 'system', scheme: 'dark' });
    act(() => system.set(false));
    expect(result.current).toMatchObject({ mode: 'system', scheme: 'light' });
    unmount();
    expect(system.listeners.size).toBe(0);
  });

  it('a chosen mode wins over the system preference and is stored', () => {
    const system = stubSystemPreference(true);
    const { result } = renderHook(() => useColorMode());
    act(() => result.current.setMode('light'));
    expect(result.current).toMatchObject({ mode: 'light', scheme: 'light' });
    act(() => system.set(true));
    expect(result.current.scheme).toBe('light');
    expect(localStorage.getItem(colorModeStorageKey)).toBe('light');
  });

  it('still switches for this visit when storage refuses writes', () => {
    stubSystemPreference(false);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const { result } = renderHook(() => useColorMode());
    act(() => result.current.setMode('dark'));
    expect(result.current.scheme).toBe('dark');
    setItem.mockRestore();
  });

  it('follows another tab that clears the storage, back to the system preference', () => {
    stubSystemPreference(false);
    localStorage.setItem(colorModeStorageKey, 'dark');
    const { result } = renderHook(() => useColorMode());
    expect(result.current.scheme).toBe('dark');
    act(() => {
      localStorage.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: null }));
    });
    expect(result.current).toMatchObject({ mode: 'system', scheme: 'light' });
  });
});
