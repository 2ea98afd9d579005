import { describe, expect, it } from 'vitest';
import type { IntegrationSpec } from '../../src/api/contract';
import { HttpError } from '../http/http-error';
import { exampleChatSpec } from '../test-support/example-chat/example-chat-connector';
import { integrationChanges, secretsConfigured } from './integration-input';

/** `bot_token` under `api_access_token`, a `channel`, and a property of a type nobody knows. */
const renamed = exampleChatSpec;

const shared: IntegrationSpec = {
  label: 'Pager',
  type: 'pager',
  implemented: true,
  category: 'alerting',
  properties: [
    { field: 'severity', map_to: 'parameters', required: true, type: 'string', title: 'Severity' },
    { field: 'custom_details', map_to: 'parameters', required: false, type: 'object' },
    { field: 'routing_key', map_to: 'parameters', required: false, secret: true, type: 'string' },
  ],
};

/** The 422's issues, or a failure when the input was accepted. */
function issues(spec: IntegrationSpec, input: Record<string, unknown>, partial = false) {
  try {
    integrationChanges(spec, input, partial);
  } catch (error) {
    if (error instanceof HttpError && Array.isArray(error.body.detail)) return error.body.detail;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('integrationChanges: map_to names the request key', () => {
  it('reads a property alone under its map_to, not under its field', () => {
    expect(
      integrationChanges(
        renamed,
        { type: 'example_chat', api_access_token: ' xoxb-1 ', channel: 'C1', accent: 7 },
        false,
      ),
    ).toEqual({
      properties: { channel: 'C1', accent: 7 },
      secrets: { api_access_token: 'xoxb-1' },
    });
  });

  it('refuses the field name and the nested form for a property alone under its map_to', () => {
    expect(issues(renamed, { type: 'example_chat', bot_token: 'xoxb-1', channel: 'C1' })).toEqual([
      expect.objectContaining({ loc: ['body', 'bot_token'], type: 'extra_forbidden' }),
      expect.objectContaining({ loc: ['body', 'api_access_token'], type: 'missing' }),
    ]);
    expect(issues(renamed, { type: 'example_chat', api_access_token: { bot_token: 'xoxb-1' }, channel: 'C1' })).toEqual(
      [expect.objectContaining({ loc: ['body', 'api_access_token'], type: 'string_type' })],
    );
  });

  it('nests properties that share a map_to by their field, secrets included', () => {
    const input = { parameters: { severity: 'error', custom_details: { a: 1 }, routing_key: 'rk' } };
    expect(integrationChanges(shared, input, false)).toEqual({
      properties: { parameters: { severity: 'error', custom_details: { a: 1 } } },
      secrets: { 'parameters.routing_key': 'rk' },
    });
  });

  it('locates problems of shared-key properties at [key, field]', () => {
    expect(issues(shared, { parameters: { custom_details: 'x', nope: 1 } })).toEqual([
      expect.objectContaining({ loc: ['body', 'parameters', 'nope'], type: 'extra_forbidden' }),
      expect.objectContaining({ loc: ['body', 'parameters', 'severity'], type: 'missing' }),
      expect.objectContaining({ loc: ['body', 'parameters', 'custom_details'], type: 'object_type' }),
    ]);
    expect(issues(shared, { parameters: 'error' })).toEqual([
      expect.objectContaining({ loc: ['body', 'parameters'], type: 'object_type' }),
      expect.objectContaining({ loc: ['body', 'parameters', 'severity'], type: 'missing' }),
    ]);
  });

  it('keeps a partial update to what was sent, and the stored fields beside it under a shared key', () => {
    expect(integrationChanges(shared, { parameters: { custom_details: {} } }, true)).toEqual({
      properties: { parameters: { custom_details: {} } },
      secrets: {},
    });
    const stored = { parameters: { severity: 'error', custom_details: { a: 1 } } };
    expect(integrationChanges(shared, { parameters: { custom_details: { b: 2 } } }, true, stored)).toEqual({
      properties: { parameters: { severity: 'error', custom_details: { b: 2 } } },
      secrets: {},
    });
    expect(integrationChanges(shared, {}, true, stored)).toEqual({ properties: {}, secrets: {} });
  });
});

describe('secretsConfigured', () => {
  it('names every secret of the spec by request key, true only when stored', () => {
    expect(secretsConfigured(renamed, { api_access_token: true })).toEqual({ api_access_token: true });
    expect(secretsConfigured(renamed, {})).toEqual({ api_access_token: false });
    expect(secretsConfigured(shared, undefined)).toEqual({ 'parameters.routing_key': false });
  });
});
