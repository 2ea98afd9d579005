import type { Integration } from '../../src/api/contract';
import { HttpError, notFound, validationError } from '../http/http-error';
import { ifMatch, setEtag, staleWrite } from '../http/preconditions';
import type { Handlers } from '../http/register-endpoints';
import { integrationHealth } from '../delivery/health-view';
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
  | 'verifyIntegration'
>;

export function integrationHandlers(services: Services): IntegrationHandlers {
  const { integrations, connectors, delivery } = services;

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

  /**
   * Tells which secrets are stored (never their values), for every secret of the type's spec, and the health
   * derived from its deliveries. One health query per call: build it once per answer (`shown()`).
   */
  const shown = () => {
    const withHealth = integrationHealth(delivery.health);
    return (integration: Integration): Integration => {
      const spec = connectors.connectorFor(integration.type)?.spec;
      return withHealth(
        spec
          ? { ...integration, secrets_configured: secretsConfigured(spec, integration.secrets_configured) }
          : integration,
      );
    };
  };

  const existing = (id: number) => {
    const found = integrations.get(id);
    if (!found) throw notFound(`Integration ${id} not found`);
    return shown()(found);
  };

  return {
    integrationSpecs: () => connectors.allConnectors().map((c) => c.spec),
    listIntegrations: () => integrations.list().map(shown()),
    getIntegration({ params, reply }) {
      const found = existing(params.id);
      setEtag(reply, found.updated);
      return found;
    },

    async createIntegration({ body, request, reply }) {
      const connector = implementedConnector(body.type);
      const { spec } = connector;
      const changes = integrationChanges(spec, body, false);
      const secret = spec.properties.find((p) => p.secret);
      const conflict = new HttpError(409, {
        detail: `A ${spec.label} integration already exists. ${secret ? `Edit it to rotate the ${secret.title ?? secret.field}.` : 'Edit it instead.'}`,
      });
      if (integrations.findByType(spec.type)) throw conflict;
      const proof = await connector.validateCredentials(changes.secrets, { reason: 'connect', services });
      // The client gave up (Cancel) while the service was asked: storing now would connect what the user cancelled.
      // (The socket, not the request: a request whose body was read counts as destroyed.)
      if (request.raw.socket?.destroyed) {
        throw new HttpError(499, { detail: 'The request was cancelled; nothing was stored.' });
      }
      const created = integrations.create(spec.type, changes);
      if (!created) throw conflict;
      // The check was recorded before the integration existed; now its secrets are stored, it counts for health.
      if (proof) delivery.adopt(proof.deliveryId, created.id);
      setEtag(reply, created.updated);
      return shown()(created);
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
      const proof =
        Object.keys(changes.secrets).length > 0
          ? await connector.validateCredentials(changes.secrets, { reason: 'rotate', services })
          : undefined;
      const result = integrations.update(params.id, changes, matches);
      if (!result) throw notFound(`Integration ${params.id} not found`);
      if ('conflict' in result) throw staleWrite('integration', shown()(result.conflict));
      if (proof) delivery.adopt(proof.deliveryId, params.id);
      setEtag(reply, result.integration.updated);
      return shown()(result.integration);
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

    /** Checks the stored secrets again; whatever the service answers lands in health, which the answer carries. */
    async verifyIntegration({ params }) {
      const integration = existing(params.id);
      const connector = connectors.connectorFor(integration.type);
      const secrets = Object.fromEntries(
        Object.entries(integration.secrets_configured ?? {}).flatMap(([name, stored]) => {
          const value = stored ? integrations.secret(integration.id, name) : null;
          return value ? [[name, value]] : [];
        }),
      );
      if (!connector || !Object.keys(secrets).length) {
        const secret = connector?.spec.properties.find((p) => p.secret);
        throw new HttpError(409, {
          detail: `This integration has no stored ${secret?.title ?? 'secret'} to verify.`,
          code: 'not_connected',
        });
      }
      try {
        await connector.validateCredentials(secrets, { reason: 'verify', integrationId: integration.id, services });
      } catch (error) {
        // A refused check is an answer too: it is recorded in health, which the answer shows.
        if (!(error instanceof HttpError)) throw error;
      }
      return existing(params.id);
    },
  };
}
