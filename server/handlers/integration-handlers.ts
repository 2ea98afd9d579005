import type { IntegrationSpec } from '../../src/api/contract';
import { integrationHealth } from '../delivery/health-view';
import { HttpError, notFound, validationError } from '../http/http-error';
import { ifMatch, setEtag, staleWrite } from '../http/preconditions';
import type { Handlers } from '../http/register-endpoints';
import { failureToHttpError } from '../pagerduty/failure-response';
import { integrationSpecs, pagerDutyIntegrationSpec } from '../specs/integration-specs';
import { integrationChanges } from './integration-input';
import type { Services } from './services';

const PAGERDUTY_KEY_FIELD = 'api_access_token';

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

function specFor(type: unknown): IntegrationSpec {
  const spec = integrationSpecs.find((s) => s.type === type);
  if (!spec) {
    throw validationError([
      {
        loc: ['body', 'type'],
        msg: `Unknown integration type. Available: ${integrationSpecs.map((s) => s.type).join(', ')}`,
        type: 'enum',
      },
    ]);
  }
  if (!spec.implemented) {
    throw validationError([
      { loc: ['body', 'type'], msg: `${spec.label} integration is not available yet`, type: 'not_implemented' },
    ]);
  }
  return spec;
}

export function integrationHandlers({ integrations, delivery }: Services): IntegrationHandlers {
  /** Proves a key works with a change event (no incident) before anything is stored; recorded as a delivery. */
  async function validateKey(routingKey: string, summary: string) {
    const { deliveryId, outcome } = await delivery.validateKey(routingKey, summary, null);
    if (!outcome.ok) throw failureToHttpError(outcome.failure, PAGERDUTY_KEY_FIELD);
    return deliveryId;
  }
  const withHealth = () => integrationHealth(delivery.health);

  const existing = (id: number) => {
    const found = integrations.get(id);
    if (!found) throw notFound(`Integration ${id} not found`);
    return found;
  };

  return {
    integrationSpecs: () => [...integrationSpecs],
    listIntegrations: () => integrations.list().map(withHealth()),
    getIntegration({ params, reply }) {
      const found = existing(params.id);
      setEtag(reply, found.updated);
      return withHealth()(found);
    },

    async createIntegration({ body, reply }) {
      const spec = specFor(body.type);
      const changes = integrationChanges(spec, body, false);
      const conflict = new HttpError(409, {
        detail: `A ${spec.label} integration already exists. Edit it to rotate the Routing Key.`,
      });
      if (integrations.findByType(spec.type)) throw conflict;
      const validation =
        spec.type === pagerDutyIntegrationSpec.type
          ? await validateKey(changes.secrets[PAGERDUTY_KEY_FIELD]!, 'Qualytics: PagerDuty integration connected')
          : null;
      const created = integrations.create(spec.type, changes);
      if (!created) throw conflict;
      if (validation !== null) delivery.adopt(validation, created.id);
      setEtag(reply, created.updated);
      return withHealth()(created);
    },

    async updateIntegration({ params, body, request, reply }) {
      const current = existing(params.id);
      const matches = ifMatch(request);
      // Refused before PagerDuty is asked: a stale form must not validate or store its key.
      if (matches && !matches(current.updated)) throw staleWrite('integration', withHealth()(current));
      if (body.type !== undefined && body.type !== current.type) {
        throw validationError([
          { loc: ['body', 'type'], msg: 'The type of an integration cannot be changed', type: 'immutable' },
        ]);
      }
      const changes = integrationChanges(specFor(current.type), body, true);
      const newKey = changes.secrets[PAGERDUTY_KEY_FIELD];
      const validation =
        current.type === pagerDutyIntegrationSpec.type && newKey !== undefined
          ? await validateKey(newKey, 'Qualytics: PagerDuty Routing Key updated')
          : null;
      const result = integrations.update(params.id, changes, matches);
      if (!result) throw notFound(`Integration ${params.id} not found`);
      if ('conflict' in result) throw staleWrite('integration', withHealth()(result.conflict));
      if (validation !== null) delivery.adopt(validation, params.id);
      setEtag(reply, result.integration.updated);
      return withHealth()(result.integration);
    },

    deleteIntegration({ params }) {
      if (!integrations.remove(params.id)) throw notFound(`Integration ${params.id} not found`);
      return undefined;
    },

    listChannels({ params }) {
      const spec = integrationSpecs.find((s) => s.type === params.type && s.category === 'alerting');
      if (!spec) throw notFound(`Unknown alerting integration type "${params.type.slice(0, 64)}"`);
      // PagerDuty routes by key, not by channel.
      if (spec.type === pagerDutyIntegrationSpec.type) return [];
      throw new HttpError(409, { detail: `${spec.label} is not connected.` });
    },
  };
}
