/**
 * The one way the console shows a moment: the browser's locale (Intl), relative words for recent events and the
 * time zone named otherwise, so "15:44" is never ambiguous between a manager's browser and the server.
 */
export interface DateFormatOptions {
  /** The clock to measure "ago" against; injected by tests. */
  now?: Date;
  /** BCP 47 locale(s); the browser's own when omitted. */
  locale?: string | readonly string[];
  /** IANA zone; the browser's own when omitted. */
  timeZone?: string;
}

/** Within this distance of now, an event reads "3 minutes ago" rather than as a date. */
export const recentMs = 24 * 60 * 60 * 1000;

const units: { unit: Intl.RelativeTimeFormatUnit; ms: number }[] = [
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
  { unit: 'second', ms: 1000 },
];

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const locales = (options: DateFormatOptions) => options.locale as string | string[] | undefined;

/**
 * Building an Intl formatter costs far more than formatting with one (ICU loads the locale's patterns): a page of
 * dates built one per date, and on a slow phone that was a fifth of the settings page's first render. One per
 * locale, zone and field set is kept; there are only a handful of each.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: unknown[], create: () => T): T {
  const id = JSON.stringify(key);
  let formatter = formatters.get(id) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(id, formatter);
  }
  return formatter;
}

const dateTimeFormat = (locale: string | string[] | undefined, fields: Intl.DateTimeFormatOptions) =>
  cached(['date', locale ?? null, fields], () => new Intl.DateTimeFormat(locale, fields));

const relativeTimeFormat = (locale: string | string[] | undefined) =>
  cached(['relative', locale ?? null], () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));

/** `fields` of a moment in the options' locale and zone; an unreadable value is shown as it came. */
function formatFields(
  value: string | number | Date,
  options: DateFormatOptions,
  fields: Intl.DateTimeFormatOptions,
): string {
  const date = toDate(value);
  if (!date) return String(value);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  return dateTimeFormat(locales(options), { ...fields, ...zone }).format(date);
}

const dateFields = { year: 'numeric', month: 'short', day: 'numeric' } as const;
const timeFields = { hour: 'numeric', minute: '2-digit' } as const;

/** "Dec 1, 2026, 3:41 PM UTC" in en-US, "1 Dec 2026, 15:41 UTC" in en-GB. */
export const formatAbsolute = (value: string | number | Date, options: DateFormatOptions = {}): string =>
  formatFields(value, options, { ...dateFields, ...timeFields, timeZoneName: 'short' });

/** The full moment, to the second, with the zone's long name: the hover text of every shown date. */
export const formatExact = (value: string | number | Date, options: DateFormatOptions = {}): string =>
  formatFields(value, options, {
    weekday: 'short',
    ...dateFields,
    month: 'long',
    ...timeFields,
    second: '2-digit',
    timeZoneName: 'long',
  });

/** "3 minutes ago", "in 30 seconds", "now"; null when the moment is not recent. */
export function formatRelative(value: string | number | Date, options: DateFormatOptions = {}): string | null {
  const date = toDate(value);
  if (!date) return null;
  const diff = date.getTime() - (options.now ?? new Date()).getTime();
  if (Math.abs(diff) >= recentMs) return null;
  // Always numeric: "Last test now" or "Last test yesterday" read badly; under a second counts as one.
  const format = relativeTimeFormat(locales(options));
  const unit = units.find(({ ms }) => Math.abs(diff) >= ms) ?? units[units.length - 1]!;
  const count = Math.trunc(diff / unit.ms);
  return format.format(count === 0 ? (diff > 0 ? 1 : -1) : count, unit.unit);
}

/** What a date shows as: relative when recent, otherwise the absolute date with its zone. */
export function formatWhen(value: string | number | Date, options: DateFormatOptions = {}): string {
  return formatRelative(value, options) ?? formatAbsolute(value, options);
}

/**
 * A moment as a clock reading: "10:32 UTC" today, the absolute date with its zone on another day. For sentences
 * where relative words read badly ("Failing since 10:32 UTC", not "Failing since 3 minutes ago").
 */
export function formatClock(value: string | number | Date, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return String(value);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const day = (d: Date) => dateTimeFormat('en-CA', { dateStyle: 'short', ...zone }).format(d);
  if (day(date) !== day(options.now ?? new Date())) return formatAbsolute(date, options);
  return formatFields(date, options, { ...timeFields, timeZoneName: 'short' });
}

/** The absolute moment to the second with its zone: log rows and attempts, where the order of seconds matters. */
export const formatInstant = (value: string | number | Date, options: DateFormatOptions = {}): string =>
  formatFields(value, options, { ...dateFields, ...timeFields, second: '2-digit', timeZoneName: 'short' });

/** A span in words: 40 -> "40 s", 125 -> "2 min 5 s", 7300 -> "2 h 1 min". */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.floor((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** Seconds from now -> "in 30 seconds (at 10:31:05 AM UTC)", so the user knows when a retry can work. */
export function formatRetryWhen(retryAfter: number | undefined, options: DateFormatOptions = {}): string {
  if (retryAfter === undefined) return 'in a minute';
  const at = new Date((options.now ?? new Date()).getTime() + retryAfter * 1000);
  const time = formatFields(at, options, { ...timeFields, second: '2-digit', timeZoneName: 'short' });
  const wait = retryAfter < 90 ? `${Math.ceil(retryAfter)} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
  return `in ${wait} (at ${time})`;
}
