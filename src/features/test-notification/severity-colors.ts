import type { Severity } from '../../api/contract';

/** PagerDuty's incident colours, with a text colour that keeps at least 4.5:1 contrast on each. */
export const severityColors: Record<Severity, { background: string; color: string; label: string }> = {
  critical: { background: '#d62d20', color: '#ffffff', label: 'Critical' },
  error: { background: '#f08c00', color: '#000000', label: 'Error' },
  warning: { background: '#ffc107', color: '#000000', label: 'Warning' },
  info: { background: '#0b5cad', color: '#ffffff', label: 'Info' },
};
