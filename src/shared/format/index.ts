export { DateTime, type DateTimeProps } from './date-time';
export { formatAbsolute, formatExact, formatRelative, formatWhen, type DateFormatOptions } from './format-date';
