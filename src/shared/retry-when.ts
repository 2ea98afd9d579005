/** Seconds -> "in 30 seconds (at 10:31:05)", so the user knows when a retry can work. */
export function retryWhen(retryAfter: number | undefined, now: Date = new Date()): string {
  if (retryAfter === undefined) return 'in a minute';
  const at = new Date(now.getTime() + retryAfter * 1000);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const wait = retryAfter < 90 ? `${Math.ceil(retryAfter)} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
  return `in ${wait} (at ${time})`;
}
