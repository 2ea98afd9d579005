import { describe, expect, it } from 'vitest';
import { sentEventSchema } from '../../api/contract';
import { buildEventPreview, type EventPreviewInput } from './build-event-preview';

const base: EventPreviewInput = {
  message: 'Anomaly in {{ datastore_name }} ({{flow_name}})',
  severity: 'error',
  customDetails: { team: 'data', datastore: 'mine' },
  triggerType: 'anomaly',
  tokens: [
    { name: 'datastore_name', description: '', sample: 'warehouse' },
    { name: 'container_name', description: '', sample: 'orders' },
    { name: 'flow_name', description: '', sample: 'Sample flow' },
  ],
  flowName: 'Nightly',
  flowId: 7,
  keySource: 'integration',
  origin: 'https://example.qualytics.io',
};

describe('buildEventPreview', () => {
  it('builds a trigger event in the shape the server sends', () => {
    const { event, problems } = buildEventPreview(base, new Date('2026-01-01T00:00:00Z'));
    expect(sentEventSchema.parse(event)).toEqual(event);
    expect(event.payload.summary).toBe('Anomaly in warehouse (Nightly)');
    expect(event.payload.severity).toBe('error');
    expect(event.payload.component).toBe('orders');
    expect(event.payload.timestamp).toBe('2026-01-01T00:00:00.000Z');
    expect(event.payload.class).toBe('anomaly');
    expect(event.links).toEqual([{ href: 'https://example.qualytics.io/flows/7', text: 'Event Details' }]);
    expect(problems).toEqual([]);
  });

  it("merges the user's details over the automatic ones", () => {
    const { event } = buildEventPreview(base);
    expect(event.payload.custom_details).toEqual({
      datastore: 'mine',
      container: 'orders',
      check_type: 'freshnessCheck',
      test_notification: true,
      team: 'data',
    });
  });

  it('shows only the key source and the last four characters of a typed override', () => {
    expect(buildEventPreview(base).event.routing_key).toBe("integration's key");
    expect(buildEventPreview({ ...base, keySource: 'override', overrideLast4: 'wxyz' }).event.routing_key).toBe(
      'override …wxyz',
    );
  });

  it('does not fill tokens for schedule and manual triggers', () => {
    const { event } = buildEventPreview({ ...base, triggerType: 'manual' });
    expect(event.payload.summary).toBe('Anomaly in {{ datastore_name }} ({{flow_name}})');
    expect(event.payload.class).toBe('test');
  });

  it('uses the default summary for an empty message, as the server does', () => {
    expect(buildEventPreview({ ...base, message: '  ' }).event.payload.summary).toBe(
      'Test notification from Qualytics',
    );
  });

  it('flags the message when the summary is over 1024 characters', () => {
    const { problems, summaryChars } = buildEventPreview({ ...base, message: 'x'.repeat(1025) });
    expect(summaryChars).toBe(1025);
    expect(problems).toEqual([expect.objectContaining({ field: 'tokenized_message' })]);
    expect(buildEventPreview({ ...base, message: 'x'.repeat(1024) }).problems).toEqual([]);
  });

  it('flags the additional details when the event is over 512 KB in UTF-8 bytes', () => {
    // 180k three-byte characters: under 512k characters but over 512 KB.
    const { problems, eventBytes } = buildEventPreview({ ...base, customDetails: { blob: '€'.repeat(180_000) } });
    expect(eventBytes).toBeGreaterThan(512 * 1024);
    expect(problems).toEqual([expect.objectContaining({ field: 'custom_details' })]);
  });
});
