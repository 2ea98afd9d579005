import type { Connector } from './connector';
import { catalogConnector, slackSpec, teamsSpec } from './catalog-connectors';
import { pagerDutyConnector } from './pagerduty/connector';

export interface ConnectorDeps {
  publicUrl: string;
  /** PagerDuty's events base URL, resolved per call (the mounted simulator's port is known once listening). */
  pagerDutyEventsUrl: () => string;
  timeoutMs: number;
}

/** The integration types of this server, in the order the catalog lists them. A new type is one line here. */
const productionConnectors = (deps: ConnectorDeps): Connector[] => [
  pagerDutyConnector({ ...deps, baseUrl: deps.pagerDutyEventsUrl }),
  catalogConnector(slackSpec),
  catalogConnector(teamsSpec),
];

export interface ConnectorRegistry {
  /** The connector of an integration type, or undefined for a type this server does not know. */
  connectorFor(type: string): Connector | undefined;
  /** The connector whose flow action has this type (`PagerDuty`). */
  connectorForAction(actionType: string): Connector | undefined;
  allConnectors(): readonly Connector[];
}

/** `extra`: connectors a test registers beside the production ones (a later one of the same type wins). */
export function createConnectorRegistry(deps: ConnectorDeps, extra: readonly Connector[] = []): ConnectorRegistry {
  const byType = new Map<string, Connector>();
  for (const connector of [...productionConnectors(deps), ...extra]) byType.set(connector.type, connector);
  const all = [...byType.values()];
  return {
    connectorFor: (type) => byType.get(type),
    connectorForAction: (actionType) => all.find((c) => c.actionSpec?.type === actionType),
    allConnectors: () => all,
  };
}
