import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';

describe('the pacer', () => {
  it('allows at most N sends per key in any rolling minute, each key on its own', () => {
    const pacer = createPacer(3);
    for (const t of [0, 10, 20]) {
      expect(pacer.allows('a', t)).toBe(true);
      pacer.take('a', t);
    }
    expect(pacer.allows('a', 30)).toBe(false);
    expect(pacer.allows('b', 30)).toBe(true);
    expect(pacer.blocked(30)).toEqual(['a']);
    // Room comes back when the oldest send leaves the window, not before.
    expect(pacer.nextRoomAt(30)).toBe(60_000);
    expect(pacer.allows('a', 59_999)).toBe(false);
    expect(pacer.allows('a', 60_000)).toBe(true);
    expect(pacer.blocked(60_000)).toEqual([]);
    expect(pacer.nextRoomAt(60_000)).toBeNull();
  });

  it('gives the earliest moment any blocked key gets room again', () => {
    const pacer = createPacer(1);
    pacer.take('late', 5_000);
    pacer.take('early', 1_000);
    pacer.take('later', 9_000);
    expect(pacer.blocked(10_000).sort()).toEqual(['early', 'late', 'later']);
    expect(pacer.nextRoomAt(10_000)).toBe(61_000);
  });

  it('keeps each key in order when the clock steps back, so room comes back at the right moment', () => {
    const pacer = createPacer(2);
    pacer.take('a', 10_000);
    pacer.take('a', 4_000);
    expect(pacer.blocked(10_000)).toEqual(['a']);
    // The earlier send leaves the window first: room at 4 000 + 60 000, not at 10 000 + 60 000.
    expect(pacer.nextRoomAt(10_000)).toBe(64_000);
    expect(pacer.allows('a', 63_999)).toBe(false);
    expect(pacer.allows('a', 64_000)).toBe(true);
    expect(pacer.blocked(64_000)).toEqual([]);
  });

  it('forgets a key once its sends have left the window, and blocks it again when it fills up', () => {
    const pacer = createPacer(2);
    pacer.take('a', 0);
    pacer.take('a', 1);
    expect(pacer.blocked(2)).toEqual(['a']);
    expect(pacer.blocked(70_000)).toEqual([]);
    expect(pacer.nextRoomAt(70_000)).toBeNull();
    pacer.take('a', 70_000);
    expect(pacer.blocked(70_000)).toEqual([]);
    pacer.take('a', 70_001);
    expect(pacer.blocked(70_001)).toEqual(['a']);
    expect(pacer.nextRoomAt(70_001)).toBe(130_000);
  });
});
