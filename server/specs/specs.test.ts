import { describe, expect, it } from 'vitest';
import { actionNotificationSpecs } from '../integrations/pagerduty/action-spec';
import { notificationTokens, renderMessage } from './notification-tokens';

describe('action notification specification', () => {
  it('is the PagerDuty entry of the brief', () => {
    expect(actionNotificationSpecs).toEqual([
      {
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
      },
    ]);
  });
});

describe('message tokens', () => {
  const tokens = notificationTokens('https://q.example');
  const names = (trigger: string) => tokens.find((t) => t.trigger_type === trigger)!.tokens.map((t) => t.name);

  it('lists the tokens of each trigger type as the platform does', () => {
    expect(names('anomaly')).toEqual([
      'flow_name',
      'datastore_name',
      'datastore_link',
      'container_name',
      'container_link',
      'anomaly_type',
      'anomaly_message',
      'check_description',
      'target_link',
    ]);
    expect(names('operation')).toEqual([
      'flow_name',
      'datastore_name',
      'datastore_link',
      'operation_type',
      'operation_result',
      'operation_message',
      'target_link',
    ]);
    expect(names('partition_scan')).toContain('scan_target_name');
    expect(names('anomaly_archive')).toEqual([
      'flow_name',
      'datastore_name',
      'datastore_link',
      'anomaly_count',
      'inactivity_timeframe',
      'target_link',
    ]);
    expect(names('anomaly_delete')).toEqual(names('anomaly_archive'));
    expect(names('schedule')).toEqual([]);
    expect(names('manual')).toEqual([]);
  });

  it('gives realistic samples, with links under the public URL', () => {
    const anomaly = tokens.find((t) => t.trigger_type === 'anomaly')!;
    expect(anomaly.label).toBe('Anomaly');
    const sample = (name: string) => anomaly.tokens.find((t) => t.name === name)!.sample;
    expect(sample('flow_name')).toBe('Orders freshness');
    expect(sample('datastore_name')).toBe('Snowflake Prod');
    expect(sample('anomaly_type')).toBe('Shape');
    expect(sample('target_link')).toMatch(/^https:\/\/q\.example\//);
    expect(anomaly.tokens.every((t) => t.description && t.sample)).toBe(true);
  });

  it('renders tokens with optional spaces and keeps unknown ones', () => {
    expect(renderMessage('{{flow_name}} / {{  container_name }} / {{ nope }}', 'anomaly', 'https://q')).toBe(
      'Orders freshness / orders / {{ nope }}',
    );
    expect(renderMessage('{{ flow_name }}', 'manual', 'https://q')).toBe('{{ flow_name }}');
    expect(renderMessage('{{ flow_name }}', 'operation', 'https://q', { flow_name: 'Mine' })).toBe('Mine');
  });
});
