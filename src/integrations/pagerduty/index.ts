import NotificationsActive from '@mui/icons-material/NotificationsActive';
import { lazy } from 'react';
import type { IntegrationDescriptor } from '../descriptor';
import { explainPagerDutyFailure, explainPagerDutyKeyRefusal } from './failure-explanations';

/** PagerDuty: a routing key checked with a change event, and the flow actions that send trigger events. */
export const pagerDutyDescriptor: IntegrationDescriptor = {
  type: 'pagerduty',
  Icon: NotificationsActive,
  ConnectHelp: lazy(async () => ({ default: (await import('./pagerduty-help')).PagerDutyHelp })),
  copy: {
    validating: () => 'Validating the routing key with PagerDuty…',
    saving: 'Saving; a new routing key is validated with PagerDuty first…',
  },
  actionType: 'PagerDuty',
  actionFieldLabels: {
    actions: 'PagerDuty actions',
    tokenized_message: 'Message',
    severity: 'Severity',
    custom_details: 'Additional Details',
    routing_key_configured: 'Routing Key Override',
  },
  explainFailure: explainPagerDutyFailure,
  explainKeyRefusal: explainPagerDutyKeyRefusal,
  // The integration's own key (no override), a plain message, at Info so that checking the key wakes nobody.
  settingsTest: () => ({
    type: 'PagerDuty',
    tokenized_message: 'Qualytics test notification from the PagerDuty integration settings',
    parameters: { severity: 'info' },
  }),
};
