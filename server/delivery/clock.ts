/** Time as the sender sees it; tests pass a manual clock and make time pass instead of waiting. */
export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    // A pending retry must not keep a finished process (or a test worker) alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** A uniform number in [0, 1). */
export type RandomSource = () => number;
