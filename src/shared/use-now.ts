import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs` while `enabled` (a countdown on screen); still otherwise. */
export function useNow(enabled: boolean, intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
  return now;
}
