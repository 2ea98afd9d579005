import { describe, expect, it } from 'vitest';
import { keystrokeWorkFromTrace } from './keystroke-trace';

const task = (ts: number, dur: number, tdur: number, tid = 1, name = 'ThreadControllerImpl::RunTask') => ({
  name,
  cat: 'toplevel',
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: 7,
  tid,
});
const keydown = (ts: number) => ({
  name: 'EventDispatch',
  ph: 'X',
  ts,
  dur: 10,
  pid: 7,
  tid: 1,
  args: { data: { type: 'keydown' } },
});

describe('main-thread work per keystroke from a trace', () => {
  it("sums the thread time of the main thread's tasks from one keydown's task to the next, counting nested tasks once", () => {
    const events = [
      task(1_000, 3_000, 2_000),
      keydown(1_100),
      // Nested in the task above: must not count twice.
      task(1_200, 500, 400, 1, 'RunTask'),
      task(10_000, 4_000, 1_500),
      // Another thread (the compositor) is not the main thread's work.
      task(12_000, 9_000, 9_000, 2),
      task(51_000, 1_000, 1_000),
      keydown(51_050),
      task(60_000, 2_000, 500),
      // Past the last keystroke's 50 ms: not its work.
      task(200_000, 5_000, 5_000),
    ];
    expect(keystrokeWorkFromTrace({ traceEvents: events }, 50)).toEqual([3.5, 1.5]);
  });

  it('finds nothing in a trace without keystrokes', () => {
    expect(keystrokeWorkFromTrace([task(0, 10, 10)], 50)).toEqual([]);
  });
});
