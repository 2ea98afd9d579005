export { DateTime, type DateTimeProps } from './date-time';
export {
  formatAbsolute,
  formatClock,
  formatExact,
  formatInstant,
  formatRelative,
  formatRetryWhen,
  formatSeconds,
  formatWhen,
  type DateFormatOptions,
} from './format-date';
