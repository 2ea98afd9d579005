import type { IntegrationSpec } from '../../src/api/contract';
import { HttpError } from '../http/http-error';
import type { Connector } from './connector';

/** Other alerting integrations of the platform; listed as "coming soon", creating them is refused. */
export const slackSpec: IntegrationSpec = {
  label: 'Slack',
  type: 'slack',
  implemented: false,
  category: 'alerting',
  properties: [
    {
      group: { name: 'Connection Properties', outline: true },
      field: 'bot_token',
      map_to: 'api_access_token',
      required: true,
      secret: true,
      type: 'string',
      title: 'Bot User OAuth Token',
      info_md: 'The **Bot User OAuth Token** of the Qualytics app installed in your Slack workspace.',
      placeholder: 'xoxb-...',
    },
  ],
};

export const teamsSpec: IntegrationSpec = {
  label: 'Microsoft Teams',
  type: 'microsoft_teams',
  implemented: false,
  category: 'alerting',
  properties: [
    {
      group: { name: 'Connection Properties', outline: true },
      field: 'tenant_id',
      map_to: 'tenant_id',
      required: true,
      type: 'string',
      title: 'Tenant ID',
      placeholder: '00000000-0000-0000-0000-000000000000',
    },
    {
      group: { name: 'Connection Properties', outline: true },
      field: 'client_id',
      map_to: 'client_id',
      required: true,
      type: 'string',
      title: 'Application (client) ID',
    },
    {
      group: { name: 'Connection Properties', outline: true },
      field: 'client_secret',
      map_to: 'client_secret',
      required: true,
      secret: true,
      type: 'string',
      title: 'Client Secret',
    },
  ],
};

/**
 * A type the platform has but this server does not implement: its spec is listed ("coming soon"),
 * creating one is refused, and it can never be connected.
 */
export function catalogConnector(spec: IntegrationSpec): Connector {
  const notConnected = () => new HttpError(409, { detail: `${spec.label} is not connected.` });
  return {
    type: spec.type,
    spec,
    validateCredentials: () => Promise.reject(notConnected()),
    listChannels: () => {
      throw notConnected();
    },
    failureToHttpError: (failure) => new HttpError(502, { detail: failure.detail }),
  };
}
