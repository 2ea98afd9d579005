import { describe, expect, it } from 'vitest';
import { testFingerprint, type SpecProperty } from '../../api/contract';
import { currentFingerprint, keepAction, keyChoice, toActionInput, toDraft, toTestRequest } from './action-form';

const properties: SpecProperty[] = [
  {
    field: 'severity',
    map_to: 'parameters',
    type: 'enum',
    values: [
      { label: 'Info', value: 'info' },
      { label: 'Critical', value: 'critical' },
    ],
    default: 'info',
  },
  { field: 'custom_details', map_to: 'parameters', type: 'object' },
  { field: 'routing_key', map_to: 'parameters', type: 'string', secret: true },
];

const values = (routing_key: unknown) => ({
  tokenized_message: 'Hi {{ flow_name }}',
  severity: 'critical',
  custom_details: { rows: [{ id: 'r1', key: 'team', value: 'data' }], jsonText: null },
  routing_key,
});

describe('toActionInput', () => {
  it('omits a kept (Configured) override so the server keeps the stored one', () => {
    expect(toActionInput(properties, values({ state: 'configured', value: '' }), 4)).toEqual({
      id: 4,
      type: 'PagerDuty',
      tokenized_message: 'Hi {{ flow_name }}',
      parameters: { severity: 'critical', custom_details: { team: 'data' } },
    });
  });

  it('sends a replaced override as a string and a cleared one as null', () => {
    expect(toActionInput(properties, values({ state: 'replacing', value: ' NEWKEY ' })).parameters.routing_key).toBe(
      'NEWKEY',
    );
    expect(toActionInput(properties, values({ state: 'cleared', value: '' })).parameters.routing_key).toBeNull();
  });
});

describe('keepAction', () => {
  it('resends a stored action without any key, keeping its id', () => {
    expect(
      keepAction({
        id: 9,
        type: 'PagerDuty',
        tokenized_message: 'x',
        parameters: { severity: 'error', custom_details: {}, routing_key_configured: true },
      }),
    ).toEqual({
      id: 9,
      type: 'PagerDuty',
      tokenized_message: 'x',
      parameters: { severity: 'error', custom_details: {} },
    });
  });
});

describe('keyChoice', () => {
  it('names the key a send would use', () => {
    expect(keyChoice({ state: 'empty', value: '' })).toEqual({ source: 'integration', changed: false });
    expect(keyChoice({ state: 'empty', value: 'abcdWXYZ' })).toEqual({
      source: 'override',
      last4: 'WXYZ',
      changed: true,
    });
    expect(keyChoice({ state: 'configured', value: '' })).toEqual({ source: 'override', changed: false });
    expect(keyChoice({ state: 'cleared', value: '' })).toEqual({ source: 'integration', changed: true });
  });
});

describe('toTestRequest', () => {
  it('carries the flow and action so the server can use the stored override', () => {
    expect(
      toTestRequest(properties, values({ state: 'configured', value: '' }), {
        flowId: 3,
        actionId: 8,
        triggerType: 'anomaly',
        flowName: 'Nightly',
      }),
    ).toEqual({
      type: 'PagerDuty',
      tokenized_message: 'Hi {{ flow_name }}',
      parameters: { severity: 'critical', custom_details: { team: 'data' } },
      trigger_type: 'anomaly',
      flow_id: 3,
      action_id: 8,
      flow_name: 'Nightly',
    });
  });
});

describe('currentFingerprint', () => {
  it('matches the fingerprint the server computes for the same settings', () => {
    expect(currentFingerprint(properties, values({ state: 'configured', value: '' }))).toBe(
      testFingerprint({
        tokenized_message: 'Hi {{ flow_name }}',
        severity: 'critical',
        custom_details: { team: 'data' },
        key_source: 'override',
      }),
    );
  });
});

describe('toDraft', () => {
  it('keeps everything but the routing key', () => {
    const draft = toDraft(values({ state: 'empty', value: 'SECRET' }));
    expect(JSON.stringify(draft)).not.toContain('SECRET');
    expect(draft.tokenized_message).toBe('Hi {{ flow_name }}');
  });
});
