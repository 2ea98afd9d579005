import type { ActionNotificationSpec } from '../../../src/api/contract';

export const pagerDutyActionSpec: ActionNotificationSpec = {
  display_name: 'PagerDuty',
  type: 'PagerDuty',
  properties: [
    {
      field: 'severity',
      map_to: 'parameters',
      required: false,
      title: 'Severity',
      type: 'enum',
      values: [
        { label: 'Info', value: 'info' },
        { label: 'Warning', value: 'warning' },
        { label: 'Error', value: 'error' },
        { label: 'Critical', value: 'critical' },
      ],
      default: 'info',
    },
    {
      field: 'custom_details',
      map_to: 'parameters',
      required: false,
      title: 'Additional Details',
      type: 'object',
      info: 'Enhance the PagerDuty alert by setting additional details',
    },
    {
      field: 'routing_key',
      map_to: 'parameters',
      required: false,
      title: 'Routing Key Override',
      info: 'Override the default routing key from the PagerDuty integration to route events to a different PagerDuty service',
      type: 'string',
      secret: true,
    },
  ],
};

export const actionNotificationSpecs: readonly ActionNotificationSpec[] = [pagerDutyActionSpec];
