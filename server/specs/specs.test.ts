import { describe, expect, it } from 'vitest';
import {
  actionNotificationSpecListSchema,
  pagerDutyActionInputSchema,
  severitySchema,
  testNotificationRequestSchema,
} from '../../src/api/contract';
import { requestPaths, writeAtPath } from '../../src/api/contract/property-keys';
import { actionNotificationSpecs } from '../integrations/pagerduty/action-spec';
import { notificationTokens, renderMessage } from './notification-tokens';

describe('action notification specification', () => {
  const [spec] = actionNotificationSpecs;

  it('places every property where the test-notification and flow APIs read it (the map_to rule)', () => {
    const samples: Record<string, unknown> = {
      severity: 'critical',
      custom_details: { runbook: 'https://wiki/orders' },
      routing_key: 'R'.repeat(32),
    };
    const body: Record<string, unknown> = { type: spec!.type, tokenized_message: 'Orders are late' };
    for (const [property, path] of requestPaths(spec!.properties)) writeAtPath(body, path, samples[property.field]);
    expect(testNotificationRequestSchema.parse(body).parameters).toEqual(samples);
    expect(pagerDutyActionInputSchema.parse(body).parameters).toEqual(samples);
  });

  it("offers exactly PagerDuty's severities, defaults to info, and keeps the override key secret", () => {
    const severity = spec!.properties.find((p) => p.field === 'severity')!;
    const offered = severity.values!.map((v) => v.value);
    expect(offered.every((v) => severitySchema.safeParse(v).success)).toBe(true);
    expect(new Set(offered).size).toBe(4);
    expect(severity.default).toBe('info');
    expect(spec!.properties.filter((p) => p.secret).map((p) => p.field)).toEqual(['routing_key']);
    expect(actionNotificationSpecListSchema.parse(actionNotificationSpecs)).toEqual(actionNotificationSpecs);
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
