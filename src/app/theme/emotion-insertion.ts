import { useInsertionEffect } from 'react';

/**
 * Stands in for `@emotion/use-insertion-effect-with-fallbacks` (vite.config.ts aliases it here).
 *
 * Emotion compiles each new style (stylis) and inserts its rules from an insertion effect, which React runs in the
 * commit: one task that cannot yield. On a page of MUI components that was about half of the page's commit, the
 * longest task after the first paint on a throttled phone. Inserting while rendering instead — what Emotion itself
 * does where React has no insertion effects — moves that work into the render, which React time-slices. A render
 * React throws away may leave a rule in the sheet that nothing uses yet; that is harmless (rules are keyed by their
 * content and inserted once). Nothing here reads layout, so inserting mid-render forces no extra style recalculation.
 */
export const useInsertionEffectAlwaysWithSyncFallback = (create: () => unknown): void => {
  create();
};

/** Global styles keep Emotion's own choice: an insertion effect (React 19 has them). */
export const useInsertionEffectWithLayoutFallback = useInsertionEffect;
