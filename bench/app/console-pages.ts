import type { LighthouseTarget } from './lighthouse-audit';

/** What the bench seeds before the audits: ids the page paths need. */
export interface SeededIds {
  flowId: number;
  /** The PagerDuty integration; 0 until it is connected. */
  integrationId: number;
}

export interface ConsolePage {
  name: string;
  path(ids: SeededIds): string;
  /** Audited as a manager first meets it: before PagerDuty is connected (the Connect step). */
  beforeConnect?: boolean;
}

/**
 * Every console page Lighthouse audits (mobile and desktop). A new page is one line here; the audit, the rows and
 * their budgets follow.
 */
export const consolePages: readonly ConsolePage[] = [
  { name: 'integrations', path: () => '/integrations' },
  { name: 'connect step', path: () => '/integrations/pagerduty/connect', beforeConnect: true },
  { name: 'settings', path: (ids) => `/integrations/${ids.integrationId}` },
  { name: 'flow', path: (ids) => `/flows/${ids.flowId}` },
  { name: 'deliveries', path: () => '/deliveries' },
];

/** A state that needs a click first, audited as a snapshot (accessibility and best practices), desktop only. */
export const panelSnapshots = (ids: SeededIds): LighthouseTarget[] => [
  {
    name: 'flow editor panel',
    path: `/flows/${ids.flowId}`,
    openPanel: { button: 'Edit PagerDuty action 1', dialog: 'PagerDuty notification' },
  },
];

export const targetsOf = (pages: readonly ConsolePage[], ids: SeededIds): LighthouseTarget[] =>
  pages.map((page) => ({ name: page.name, path: page.path(ids) }));
