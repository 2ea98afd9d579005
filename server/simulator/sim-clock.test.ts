import { describe, expect, it } from 'vitest';
import { manualClock, systemClock } from './sim-clock';

describe('manualClock', () => {
  it('runs what is due in time order, each at its own time, and nothing early', () => {
    const clock = manualClock(1_000);
    const seen: [string, number][] = [];
    clock.schedule(() => seen.push(['late', clock.now()]), 300);
    clock.schedule(() => seen.push(['early', clock.now()]), 100);
    clock.advance(99);
    expect(seen).toEqual([]);
    clock.advance(150);
    expect(seen).toEqual([['early', 1_100]]);
    expect(clock.now()).toBe(1_249);
    clock.advance(51);
    expect(seen).toEqual([
      ['early', 1_100],
      ['late', 1_300],
    ]);
  });

  it('runs a task scheduled by a task when its time comes within the same advance', () => {
    const clock = manualClock(0);
    const seen: number[] = [];
    clock.schedule(() => {
      seen.push(clock.now());
      clock.schedule(() => seen.push(clock.now()), 50);
    }, 10);
    clock.advance(100);
    expect(seen).toEqual([10, 60]);
    expect(clock.now()).toBe(100);
  });

  it('forgets a cancelled task', () => {
    const clock = manualClock();
    let ran = false;
    const cancel = clock.schedule(() => (ran = true), 10);
    cancel();
    clock.advance(1_000);
    expect(ran).toBe(false);
  });
});

describe('systemClock', () => {
  it('reads the real time and cancels real timers', async () => {
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(50);
    let ran = false;
    systemClock.schedule(() => (ran = true), 1)();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
  });
});
