import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes';

const flow = {
  id: 1,
  name: 'Orders',
  trigger_type: 'anomaly',
  updated: '2026-01-01T00:00:00.000Z',
  actions: [
    {
      id: 4,
      tokenized_message: 'Anomaly',
      parameters: { severity: 'info', custom_details: {}, routing_key_configured: false },
    },
  ],
};

/** As an integration type's descriptor gives them for its flow actions. */
const labels = {
  actions: 'PagerDuty actions',
  tokenized_message: 'Message',
  severity: 'Severity',
  custom_details: 'Additional Details',
};

describe('describeChanges', () => {
  it('says nothing when only the bookkeeping changed', () => {
    expect(describeChanges(flow, { ...flow, updated: '2026-01-02T00:00:00.000Z' })).toEqual([]);
  });

  it('names changed fields with their old and new values', () => {
    expect(describeChanges(flow, { ...flow, name: 'Orders late', trigger_type: 'operation' })).toEqual([
      'Name: “Orders” → “Orders late”',
      'Trigger type: “anomaly” → “operation”',
    ]);
  });

  it('describes changed and added actions', () => {
    const action = flow.actions[0]!;
    const current = {
      ...flow,
      actions: [
        { ...action, parameters: { ...action.parameters, severity: 'critical', custom_details: { a: 1 } } },
        action,
      ],
    };
    expect(describeChanges(flow, current, labels)).toEqual([
      'PagerDuty actions: 1 → 2',
      'Action 1: Severity: “info” → “critical”',
      'Action 1: Additional Details changed',
    ]);
  });

  it('humanises keys without a label and looks inside unlabelled objects', () => {
    const action = flow.actions[0]!;
    const current = {
      ...flow,
      actions: [{ ...action, parameters: { ...action.parameters, custom_details: { a: 1 } } }],
    };
    expect(describeChanges(flow, current)).toEqual(['Action 1: A: not set → “1”']);
  });

  it('shortens long values', () => {
    const [line] = describeChanges({ name: 'a' }, { name: 'x'.repeat(500) });
    expect(line!.length).toBeLessThan(120);
  });
});
