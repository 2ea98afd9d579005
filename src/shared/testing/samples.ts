import type { Flow, Integration, IntegrationSpec, User } from '../../api/contract';

export const manager: User = { id: 2, name: 'Maya Manager', role: 'Manager' };
export const member: User = { id: 3, name: 'Milo Member', role: 'Member' };

export const pagerDutySpec: IntegrationSpec = {
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
      info_md: 'The **Integration Key** (Routing Key) from your PagerDuty Events API v2 integration.',
      placeholder: '32 letters and digits',
    },
  ],
};

export const slackSpec: IntegrationSpec = {
  label: 'Slack',
  type: 'slack',
  implemented: false,
  category: 'alerting',
  properties: [],
};

export const catalogSpec: IntegrationSpec = {
  label: 'Atlan',
  type: 'atlan',
  implemented: true,
  category: 'data_catalog',
  properties: [{ field: 'host', type: 'string', title: 'Host', required: true }],
};

export const pagerDutyIntegration: Integration = {
  id: 5,
  type: 'pagerduty',
  created: '2026-11-20T10:00:00Z',
  updated: '2026-11-21T11:30:00Z',
};

export const flowWithPagerDuty: Flow = {
  id: 7,
  name: 'Orders freshness',
  trigger_type: 'anomaly',
  created: '2026-11-20T10:00:00Z',
  updated: '2026-11-20T10:00:00Z',
  actions: [
    {
      id: 1,
      type: 'PagerDuty',
      tokenized_message: 'Anomaly',
      parameters: { severity: 'error', custom_details: {}, routing_key_configured: false },
    },
  ],
};
