import { configureAuth } from '../../api/http-client';

/** sessionStorage, never localStorage: the token must not outlive the tab. */
export const sessionStorageKey = 'qualytics.session';

export type SignOutReason = 'signed-out' | 'expired';

type Listener = () => void;

interface TokenState {
  token: string | null;
  /** Why the last session ended, so the sign-in page can say so. */
  reason: SignOutReason | null;
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(sessionStorageKey);
  } catch {
    return null;
  }
}

let state: TokenState = { token: readStored(), reason: null };
const listeners = new Set<Listener>();

function set(next: TokenState) {
  state = next;
  try {
    if (next.token) sessionStorage.setItem(sessionStorageKey, next.token);
    else sessionStorage.removeItem(sessionStorageKey);
  } catch {
    // Storage may be disabled; the token then lives in memory only.
  }
  listeners.forEach((listener) => listener());
}

export const tokenStore = {
  getState: (): TokenState => state,
  getToken: (): string | null => state.token,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setToken(token: string) {
    set({ token, reason: null });
  },
  clear(reason: SignOutReason) {
    if (state.token === null && state.reason === reason) return;
    set({ token: null, reason });
  },
  /** Re-read sessionStorage (tests, or another module changed it). */
  reload() {
    set({ token: readStored(), reason: null });
  },
};

configureAuth({
  getToken: tokenStore.getToken,
  onUnauthorized: () => tokenStore.clear('expired'),
});
