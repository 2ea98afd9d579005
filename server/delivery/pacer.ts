const WINDOW_MS = 60_000;

/**
 * At most `perMinute` sends per routing key in any rolling minute, below PagerDuty's ~120 so the sender never
 * causes the 429 storm it would then have to back off from. Keys are the one-way `key_hash`, never the key.
 *
 * The sender asks on every pump (each enqueue and each finished send), so every question costs what has changed
 * since the last one, not the whole window: each key's send times are kept in order and expire from the front,
 * and only keys that reached the limit are kept in `full`, the one set `blocked` and `nextRoomAt` look at.
 */
export function createPacer(perMinute: number) {
  const sent = new Map<string, number[]>();
  const full = new Set<string>();

  const recent = (key: string, nowMs: number): number[] => {
    const times = sent.get(key);
    if (!times) return [];
    let expired = 0;
    while (expired < times.length && times[expired]! <= nowMs - WINDOW_MS) expired++;
    if (expired) times.splice(0, expired);
    if (!times.length) sent.delete(key);
    if (times.length < perMinute) full.delete(key);
    return times;
  };

  return {
    /** Records a send; the caller checked `allows` first. */
    take(key: string, nowMs: number) {
      const times = recent(key, nowMs);
      // Kept in order even if the clock steps back, so expiry from the front stays right.
      let at = times.length;
      while (at > 0 && times[at - 1]! > nowMs) at--;
      times.splice(at, 0, nowMs);
      sent.set(key, times);
      if (times.length >= perMinute) full.add(key);
    },
    allows: (key: string, nowMs: number) => recent(key, nowMs).length < perMinute,
    /** Keys with no room left in this minute. */
    blocked(nowMs: number): string[] {
      return [...full].filter((key) => recent(key, nowMs).length >= perMinute);
    },
    /** When the first blocked key gets room again, or null when none is blocked. */
    nextRoomAt(nowMs: number): number | null {
      const times = this.blocked(nowMs).map((key) => recent(key, nowMs)[0]! + WINDOW_MS);
      return times.length ? Math.min(...times) : null;
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
