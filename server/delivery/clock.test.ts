import { afterEach, expect, it, vi } from 'vitest';
import { systemClock } from './clock';

afterEach(() => vi.useRealTimers());

it("the system clock's timer fires after its delay, and not at all once cancelled", async () => {
  vi.useFakeTimers();
  const fired: string[] = [];
  systemClock.setTimer(() => fired.push('kept'), 100);
  const cancel = systemClock.setTimer(() => fired.push('cancelled'), 100);
  cancel();
  await vi.advanceTimersByTimeAsync(99);
  expect(fired).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  expect(fired).toEqual(['kept']);
  expect(systemClock.now()).toBe(Date.now());
});
