import { describe, expect, it } from 'vitest';
import { eventsV2Validators } from '../../test-support/events-v2-schema';

describe("PagerDuty's Events API v2 schema", () => {
  const { trigger, change } = eventsV2Validators();

  it('rejects what PagerDuty rejects, so the validators are real', () => {
    expect(
      trigger({ routing_key: 'x', event_action: 'trigger', payload: { summary: 's', source: 'h', severity: 'loud' } }),
    ).toBe(false);
    expect(trigger({ routing_key: 'x', event_action: 'trigger', payload: { summary: 's', severity: 'info' } })).toBe(
      false,
    );
    expect(trigger({ event_action: 'trigger', payload: { summary: 's', source: 'h', severity: 'info' } })).toBe(false);
    expect(
      trigger({
        routing_key: 'x',
        event_action: 'trigger',
        client_url: 'not a url',
        payload: { summary: 's', source: 'h', severity: 'info' },
      }),
    ).toBe(false);
    expect(change({ routing_key: 'x', payload: {} })).toBe(false);
    expect(change({ routing_key: 'x', payload: { summary: 's', timestamp: 'yesterday' } })).toBe(false);
  });

  it('accepts minimal valid events', () => {
    expect(
      trigger({ routing_key: 'x', event_action: 'trigger', payload: { summary: 's', source: 'h', severity: 'info' } }),
    ).toBe(true);
    expect(change({ routing_key: 'x', payload: { summary: 's' } })).toBe(true);
  });
});
