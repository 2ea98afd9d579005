import type { IntegrationSpec } from '../../../src/api/contract';

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
