import type { Flow, Integration, IntegrationSpec, SpecProperty } from '../../api/contract';

export type CatalogStatus = 'connected' | 'not_connected' | 'coming_soon';

export interface CatalogEntry {
  spec: IntegrationSpec;
  status: CatalogStatus;
  integration?: Integration;
}

export interface CatalogGroup {
  category: string;
  entries: CatalogEntry[];
}

/** The catalog joined with what is connected, grouped by category in the order the server lists them. */
export function buildCatalog(specs: readonly IntegrationSpec[], integrations: readonly Integration[]): CatalogGroup[] {
  const groups = new Map<string, CatalogEntry[]>();
  for (const spec of specs) {
    const integration = integrations.find((candidate) => candidate.type === spec.type);
    const status: CatalogStatus = integration ? 'connected' : spec.implemented ? 'not_connected' : 'coming_soon';
    const entries = groups.get(spec.category) ?? [];
    entries.push({ spec, status, ...(integration ? { integration } : {}) });
    groups.set(spec.category, entries);
  }
  return [...groups].map(([category, entries]) => ({ category, entries }));
}

/** "alerting" -> "Alerting", "data_catalog" -> "Data catalog" */
export function categoryLabel(category: string): string {
  const words = category.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Other';
}

/** Secrets the server stores for an existing integration: the required ones (it never returns them). */
export function configuredSecretFields(properties: readonly SpecProperty[]): string[] {
  return properties.filter((property) => property.secret && property.required).map((property) => property.field);
}

/** The integration's stored non-secret values keyed by the spec's field names, as the form engine expects. */
export function currentValues(properties: readonly SpecProperty[], integration: Integration): Record<string, unknown> {
  const current: Record<string, unknown> = {};
  for (const property of properties) {
    if (property.secret) continue;
    const key = property.map_to ?? property.field;
    const stored: unknown = integration[key];
    if (key !== property.field && stored && typeof stored === 'object' && property.field in stored) {
      current[property.field] = (stored as Record<string, unknown>)[property.field];
    } else if (stored !== undefined) {
      current[property.field] = stored;
    }
  }
  return current;
}

/** The non-secret settings as a person reads them (label: value), to say what another session changed. */
export function visibleSettings(
  properties: readonly SpecProperty[],
  integration: Integration,
): Record<string, unknown> {
  const values = currentValues(properties, integration);
  return Object.fromEntries(
    properties
      .filter((property) => property.field in values)
      .map((property) => [property.title ?? property.field, values[property.field]]),
  );
}

/** Flows that send to PagerDuty and would stop delivering without the integration. */
export function flowsUsingPagerDuty(flows: readonly Flow[]): Flow[] {
  return flows.filter((flow) => flow.actions.some((action) => action.type === 'PagerDuty'));
}

export function isPagerDuty(type: string): boolean {
  return type.toLowerCase() === 'pagerduty';
}
