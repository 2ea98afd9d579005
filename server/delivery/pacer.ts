const WINDOW_MS = 60_000;

/**
 * At most `perMinute` sends per routing key in any rolling minute, below PagerDuty's ~120 so the sender never
 * causes the 429 storm it would then have to back off from. Keys are the one-way `key_hash`, never the key.
 */
export function createPacer(perMinute: number) {
  const sent = new Map<string, number[]>();

  const recent = (key: string, nowMs: number) => {
    const times = (sent.get(key) ?? []).filter((t) => t > nowMs - WINDOW_MS);
    if (times.length) sent.set(key, times);
    else sent.delete(key);
    return times;
  };

  return {
    /** Records a send; the caller checked `allows` first. */
    take(key: string, nowMs: number) {
      const times = recent(key, nowMs);
      times.push(nowMs);
      sent.set(key, times);
    },
    allows: (key: string, nowMs: number) => recent(key, nowMs).length < perMinute,
    /** Keys with no room left in this minute. */
    blocked(nowMs: number): string[] {
      return [...sent.keys()].filter((key) => recent(key, nowMs).length >= perMinute);
    },
    /** When the first blocked key gets room again, or null when none is blocked. */
    nextRoomAt(nowMs: number): number | null {
      const times = this.blocked(nowMs).map((key) => recent(key, nowMs)[0]! + WINDOW_MS);
      return times.length ? Math.min(...times) : null;
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
