import type { Clock } from '../delivery/clock';

/** Lets queued callbacks, resolved promises and I/O callbacks run. */
export const flush = async (rounds = 10) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A clock that only moves when a test says so; timers fire in order as it moves past them. */
export function manualClock(start = Date.parse('2026-03-01T09:00:00.000Z')) {
  let now = start;
  const timers = new Set<{ at: number; fn: () => void }>();
  const clock: Clock & {
    advance(ms: number): Promise<void>;
    /** Moves to the next timer and fires it; false when none is set. */
    next(): Promise<boolean>;
    timers(): number[];
  } = {
    now: () => now,
    setTimer(fn, ms) {
      const timer = { at: now + Math.max(0, ms), fn };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due);
        now = Math.max(now, due.at);
        due.fn();
        await flush();
      }
      now = end;
      await flush();
    },
    async next() {
      const due = [...timers].sort((a, b) => a.at - b.at)[0];
      if (!due) return false;
      await this.advance(Math.max(0, due.at - now));
      return true;
    },
    timers: () => [...timers].map((t) => t.at - now).sort((a, b) => a - b),
  };
  return clock;
}

export type ManualClock = ReturnType<typeof manualClock>;
