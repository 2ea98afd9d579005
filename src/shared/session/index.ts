export { tokenStore, sessionStorageKey, type SignOutReason } from './token-store';
export { useSession, useTokenState, type Session } from './use-session';
export { RequireAuth, safeNextPath } from './require-auth';
