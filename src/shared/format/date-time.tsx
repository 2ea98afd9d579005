import { useEffect, useState } from 'react';
import { formatExact, formatRelative, formatWhen, type DateFormatOptions } from './format-date';

/** How often a relative date ("3 minutes ago") is brought up to date. */
const tickMs = 30_000;

export interface DateTimeProps extends Omit<DateFormatOptions, 'now'> {
  value: string | Date;
}

/**
 * A moment as `<time>`: relative when recent (kept current while shown), the zone named otherwise, the exact time
 * on hover, and the machine-readable value in `dateTime`.
 */
export function DateTime({ value, ...options }: DateTimeProps) {
  const [now, setNow] = useState(() => new Date());
  const recent = formatRelative(value, { ...options, now }) !== null;
  useEffect(() => {
    if (!recent) return;
    const timer = setInterval(() => setNow(new Date()), tickMs);
    return () => clearInterval(timer);
  }, [recent]);
  const date = value instanceof Date ? value : new Date(value);
  const iso = Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  return (
    <time dateTime={iso} title={formatExact(value, options)}>
      {formatWhen(value, { ...options, now })}
    </time>
  );
}
