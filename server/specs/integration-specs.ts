import type { IntegrationSpec } from '../../src/api/contract';

export const pagerDutyIntegrationSpec: IntegrationSpec = {
  label: 'PagerDuty',
  type: 'pagerduty',
  implemented: true,
  category: 'alerting',
  properties: [
    {
      group: { name: 'Connection Properties', outline: true },
      field: 'api_access_token',
      map_to: 'api_access_token',
      required: true,
      secret: true,
      type: 'string',
      title: 'Routing Key',
      info_md:
        'The **Integration Key** (Routing Key) from your PagerDuty Events API v2 integration, found on the ' +
        "service's **Integrations** tab ([how to add one](https://support.pagerduty.com/main/docs/services-and-integrations)). " +
        'It is 32 letters and digits, with no spaces or hyphens.',
      // Says the format up front: the old "your-routing-key" suggested hyphens, which PagerDuty refuses.
      placeholder: '32 letters and digits',
    },
  ],
};

/** Other alerting integrations of the platform; listed as "coming soon", creating them is refused. */
const slackSpec: IntegrationSpec = {
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

const teamsSpec: IntegrationSpec = {
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

export const integrationSpecs: readonly IntegrationSpec[] = [pagerDutyIntegrationSpec, slackSpec, teamsSpec];
