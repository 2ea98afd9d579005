import type { Integration } from '../../src/api/contract';
import { HttpError, notFound, validationError } from '../http/http-error';
import { ifMatch, setEtag, staleWrite } from '../http/preconditions';
import type { Handlers } from '../http/register-endpoints';
import type { Connector } from '../integrations/connector';
import { integrationChanges, secretsConfigured } from './integration-input';
import type { Services } from './services';

type IntegrationHandlers = Pick<
  Handlers,
  | 'integrationSpecs'
  | 'listIntegrations'
  | 'createIntegration'
  | 'getIntegration'
  | 'updateIntegration'
  | 'deleteIntegration'
  | 'listChannels'
>;

export function integrationHandlers(services: Services): IntegrationHandlers {
  const { integrations, connectors } = services;

  function implementedConnector(type: unknown): Connector {
    const connector = typeof type === 'string' ? connectors.connectorFor(type) : undefined;
    if (!connector) {
      const available = connectors.allConnectors().map((c) => c.type);
      throw validationError([
        { loc: ['body', 'type'], msg: `Unknown integration type. Available: ${available.join(', ')}`, type: 'enum' },
      ]);
    }
    if (!connector.spec.implemented) {
      throw validationError([
        {
          loc: ['body', 'type'],
          msg: `${connector.spec.label} integration is not available yet`,
          type: 'not_implemented',
        },
      ]);
    }
    return connector;
  }

  /** Tells which secrets are stored (never their values), for every secret of the type's spec. */
  const shown = (integration: Integration): Integration => {
    const spec = connectors.connectorFor(integration.type)?.spec;
    return spec
      ? { ...integration, secrets_configured: secretsConfigured(spec, integration.secrets_configured) }
      : integration;
  };

  const existing = (id: number) => {
    const found = integrations.get(id);
    if (!found) throw notFound(`Integration ${id} not found`);
    return shown(found);
  };

  return {
    integrationSpecs: () => connectors.allConnectors().map((c) => c.spec),
    listIntegrations: () => integrations.list().map(shown),
    getIntegration({ params, reply }) {
      const found = existing(params.id);
      setEtag(reply, found.updated);
      return found;
    },

    async createIntegration({ body, reply }) {
      const connector = implementedConnector(body.type);
      const { spec } = connector;
      const changes = integrationChanges(spec, body, false);
      const secret = spec.properties.find((p) => p.secret);
      const conflict = new HttpError(409, {
        detail: `A ${spec.label} integration already exists. ${secret ? `Edit it to rotate the ${secret.title ?? secret.field}.` : 'Edit it instead.'}`,
      });
      if (integrations.findByType(spec.type)) throw conflict;
      await connector.validateCredentials(changes.secrets, { reason: 'connect', services });
      const created = integrations.create(spec.type, changes);
      if (!created) throw conflict;
      setEtag(reply, created.updated);
      return shown(created);
    },

    async updateIntegration({ params, body, request, reply }) {
      const current = existing(params.id);
      const matches = ifMatch(request);
      // Refused before the service is asked: a stale form must not validate or store its secrets.
      if (matches && !matches(current.updated)) throw staleWrite('integration', current);
      if (body.type !== undefined && body.type !== current.type) {
        throw validationError([
          { loc: ['body', 'type'], msg: 'The type of an integration cannot be changed', type: 'immutable' },
        ]);
      }
      const connector = implementedConnector(current.type);
      const changes = integrationChanges(connector.spec, body, true, current);
      if (Object.keys(changes.secrets).length > 0) {
        await connector.validateCredentials(changes.secrets, { reason: 'rotate', services });
      }
      const result = integrations.update(params.id, changes, matches);
      if (!result) throw notFound(`Integration ${params.id} not found`);
      if ('conflict' in result) throw staleWrite('integration', shown(result.conflict));
      setEtag(reply, result.integration.updated);
      return shown(result.integration);
    },

    deleteIntegration({ params }) {
      if (!integrations.remove(params.id)) throw notFound(`Integration ${params.id} not found`);
      return undefined;
    },

    listChannels({ params }) {
      const connector = connectors.connectorFor(params.type);
      if (connector?.spec.category !== 'alerting') {
        throw notFound(`Unknown alerting integration type "${params.type.slice(0, 64)}"`);
      }
      return connector.listChannels(integrations.findByType(connector.type), services);
    },
  };
}
