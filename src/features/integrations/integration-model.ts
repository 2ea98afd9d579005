import {
  readAtPath,
  requestPaths,
  type Flow,
  type Integration,
  type IntegrationSpec,
  type SpecProperty,
} from '../../api/contract';

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

/**
 * The secret fields the server holds a value for. The integration says so in `secrets_configured` (by request key;
 * a secret nested in a shared key by its field). A server with only the brief's endpoints does not send it; then
 * the required secrets are taken as stored, as an integration cannot exist without them.
 */
export function configuredSecretFields(properties: readonly SpecProperty[], integration: Integration): string[] {
  const secrets = properties.filter((property) => property.secret);
  const configured = integration.secrets_configured;
  if (!configured) return secrets.filter((property) => property.required).map((property) => property.field);
  const paths = requestPaths(secrets);
  return secrets
    .filter((property) => {
      const [key, nested] = paths.get(property) ?? [property.field];
      const name = nested ?? key;
      return Object.hasOwn(configured, name) && configured[name] === true;
    })
    .map((property) => property.field);
}

/** The integration's stored non-secret values keyed by the spec's field names, as the form engine expects. */
export function currentValues(properties: readonly SpecProperty[], integration: Integration): Record<string, unknown> {
  const current: Record<string, unknown> = {};
  const paths = requestPaths(properties);
  for (const property of properties) {
    const path = paths.get(property);
    if (property.secret || !path) continue;
    const stored = readAtPath(integration, path);
    if (stored !== undefined) current[property.field] = stored;
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

/** Flows with actions of `actionType`, which would stop delivering without the integration. */
export function flowsWithActionType(flows: readonly Flow[], actionType: string): Flow[] {
  return flows.filter((flow) => flow.actions.some((action) => action.type === actionType));
}
