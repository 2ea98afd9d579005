import { describe, expect, it } from 'vitest';
import type { SpecProperty } from '../api/contract';
import { buildDefaultValues } from './build-default-values';
import { toPayload } from './to-payload';
import { actionProperties, integrationProperties } from './test-fixtures';

const token = (state: string, value = '') => ({ api_access_token: { state, value } });

describe('toPayload: secrets', () => {
  it('sends a typed key at the top level when map_to equals the field, trimmed', () => {
    expect(toPayload(integrationProperties, token('empty', '  R0123  '))).toEqual({ api_access_token: 'R0123' });
    expect(toPayload(integrationProperties, token('replacing', 'R9'))).toEqual({ api_access_token: 'R9' });
  });

  it('omits a Configured secret and a blank box, and sends null for Clear', () => {
    expect(toPayload(integrationProperties, token('configured'))).toEqual({});
    expect(toPayload(integrationProperties, token('replacing', '   '))).toEqual({});
    expect(toPayload(integrationProperties, token('empty'))).toEqual({});
    expect(toPayload(actionProperties, { routing_key: { state: 'cleared', value: 'typed before' } })).toEqual({
      parameters: { routing_key: null },
    });
  });

  it('never sends a mask or anything typed while Configured', () => {
    expect(toPayload(integrationProperties, token('configured', '••••••'))).toEqual({});
  });
});

describe('toPayload: nesting and types', () => {
  it('nests fields under map_to', () => {
    const values = {
      ...buildDefaultValues(actionProperties, { mode: 'create' }),
      custom_details: {
        jsonText: null,
        rows: [
          { id: '1', key: 'team', value: 'data' },
          { id: '2', key: 'count', value: '5' },
          { id: '3', key: 'quoted', value: '"5"' },
          { id: '4', key: 'nested', value: '{"a": [1, true]}' },
          { id: '5', key: 'flag', value: 'false' },
        ],
      },
      routing_key: { state: 'empty', value: 'OVERRIDE' },
    };
    expect(toPayload(actionProperties, values)).toEqual({
      parameters: {
        severity: 'info',
        custom_details: { team: 'data', count: 5, quoted: '5', nested: { a: [1, true] }, flag: false },
        routing_key: 'OVERRIDE',
      },
    });
  });

  it('sends JSON-mode text as the object it parses to, and leaves out JSON that is not an object', () => {
    const base = buildDefaultValues(actionProperties, { mode: 'create' });
    expect(toPayload(actionProperties, { ...base, custom_details: { rows: [], jsonText: '{"a": 1}' } })).toEqual({
      parameters: { severity: 'info', custom_details: { a: 1 } },
    });
    expect(toPayload(actionProperties, { ...base, custom_details: { rows: [], jsonText: '[1]' } })).toEqual({
      parameters: { severity: 'info' },
    });
  });

  it('converts numbers, booleans and enum values back to their types', () => {
    const properties: SpecProperty[] = [
      { field: 'count', type: 'integer' },
      { field: 'ratio', type: 'number' },
      { field: 'blank', type: 'number' },
      { field: 'on', type: 'boolean' },
      {
        field: 'level',
        type: 'enum',
        values: [
          { label: 'One', value: 1 },
          { label: 'Two', value: 2 },
        ],
      },
      { field: 'name', type: 'string' },
      { field: 'empty', type: 'string' },
      { field: 'odd', type: 'datetime' },
    ];
    const values = { count: '42', ratio: '0.5', blank: '', on: true, level: '2', name: 'ops', empty: '', odd: 'x' };
    expect(toPayload(properties, values)).toEqual({ count: 42, ratio: 0.5, on: true, level: 2, name: 'ops', odd: 'x' });
  });
});

describe('toPayload: map_to', () => {
  const chat: SpecProperty[] = [
    { field: 'bot_token', map_to: 'api_access_token', type: 'string', secret: true, required: true },
    { field: 'channel', type: 'string' },
  ];

  it('sends a property alone under its map_to as the value itself, not nested by field', () => {
    const body = toPayload(chat, { bot_token: { state: 'empty', value: 'xoxb-1' }, channel: 'C1' });
    expect(body).toEqual({ api_access_token: 'xoxb-1', channel: 'C1' });
  });

  it('nests properties that share a map_to under it by field, even when only one of them changed', () => {
    const shared: SpecProperty[] = [
      { field: 'severity', map_to: 'parameters', type: 'string' },
      { field: 'summary', map_to: 'parameters', type: 'string' },
    ];
    expect(toPayload(shared, { severity: 'info', summary: 's' })).toEqual({
      parameters: { severity: 'info', summary: 's' },
    });
    expect(toPayload(shared, { severity: 'info', summary: 's' }, { onlyDirty: { summary: true } })).toEqual({
      parameters: { summary: 's' },
    });
  });
});

describe('toPayload: onlyDirty', () => {
  it('includes only dirty fields, with nested dirty marks counting', () => {
    const values = {
      ...buildDefaultValues(actionProperties, { mode: 'edit', configuredSecrets: ['routing_key'] }),
      severity: 'critical',
    };
    expect(toPayload(actionProperties, values, { onlyDirty: { severity: true } })).toEqual({
      parameters: { severity: 'critical' },
    });
    expect(toPayload(actionProperties, values, { onlyDirty: { custom_details: { rows: [{ key: true }] } } })).toEqual({
      parameters: { custom_details: {} },
    });
    expect(toPayload(actionProperties, values, { onlyDirty: { severity: false, routing_key: {} } })).toEqual({});
  });

  it('sends an emptied text field in an update so the server clears it', () => {
    const properties: SpecProperty[] = [{ field: 'name', type: 'string' }];
    expect(toPayload(properties, { name: '' }, { onlyDirty: { name: true } })).toEqual({ name: '' });
  });
});

describe('toPayload: hostile names', () => {
  it('sends stand-in-named fields under their real name and never touches a prototype', () => {
    const properties: SpecProperty[] = [
      { field: 'a.b', type: 'string' },
      { field: 'constructor', type: 'string', map_to: '__proto__' },
      { field: 'details', type: 'object' },
    ];
    const values = buildDefaultValues(properties, { mode: 'create' });
    expect(Object.keys(values)).toEqual(['__sf_0', '__sf_1', 'details']);
    const body = toPayload(properties, {
      __sf_0: 'dotted',
      __sf_1: 'ctor',
      details: { jsonText: null, rows: [{ id: '1', key: '__proto__', value: '{"polluted": true}' }] },
    });
    expect(Object.keys(body)).toEqual(['a.b', 'constructor', 'details']);
    expect(body['a.b']).toBe('dotted');
    expect(Object.hasOwn(body, 'constructor')).toBe(true);
    const details = body.details as Record<string, unknown>;
    expect(Object.hasOwn(details, '__proto__')).toBe(true);
    expect(JSON.stringify(details)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
