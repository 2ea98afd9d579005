import { describe, expect, it } from 'vitest';
import type { SpecProperty } from '../api/contract';
import { buildDefaultValues } from './build-default-values';
import { buildSpecSchema } from './build-spec-schema';
import { actionProperties, integrationProperties } from './test-fixtures';

function issuesOf(properties: SpecProperty[], values: Record<string, unknown>) {
  const result = buildSpecSchema(properties, { mode: 'create' }).safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

const everyType: SpecProperty[] = [
  { field: 'name', type: 'string', title: 'Name', required: true, default: 'ops' },
  { field: 'note', type: 'string' },
  {
    field: 'level',
    type: 'enum',
    title: 'Level',
    required: true,
    values: [
      { label: 'Low', value: 1 },
      { label: 'High', value: 2 },
    ],
  },
  { field: 'on', type: 'boolean', default: true },
  { field: 'count', type: 'integer', title: 'Count', required: true, default: 3 },
  { field: 'ratio', type: 'number', title: 'Ratio' },
  { field: 'extra', type: 'object', title: 'Extra', default: { team: 'data', n: 2 } },
  { field: 'mystery', type: 'color', title: 'Mystery', default: '#fff' },
];

describe('buildDefaultValues', () => {
  it('uses the spec default per type and blank otherwise', () => {
    const values = buildDefaultValues(everyType, { mode: 'create' });
    expect(values).toMatchObject({
      name: 'ops',
      note: '',
      level: '',
      on: true,
      count: '3',
      ratio: '',
      mystery: '#fff',
    });
    expect(values.extra).toMatchObject({
      jsonText: null,
      rows: [
        { key: 'team', value: 'data' },
        { key: 'n', value: '2' },
      ],
    });
  });

  it('prefers stored values over defaults and falls back when a stored choice is no longer listed', () => {
    const values = buildDefaultValues(actionProperties, {
      mode: 'edit',
      current: { severity: 'gone', custom_details: { a: '1' } },
    });
    expect(values.severity).toBe('info');
    expect(values.custom_details).toMatchObject({ rows: [{ key: 'a', value: '"1"' }] });
    expect(buildDefaultValues(actionProperties, { mode: 'edit', current: { severity: 'critical' } }).severity).toBe(
      'critical',
    );
  });

  it('marks stored secrets Configured in edit mode only, and never prefills a secret', () => {
    const secret: SpecProperty[] = [{ field: 'key', type: 'string', secret: true, default: 'leak' }];
    expect(buildDefaultValues(secret, { mode: 'edit', configuredSecrets: ['key'] }).key).toEqual({
      state: 'configured',
      value: '',
    });
    expect(buildDefaultValues(secret, { mode: 'create', configuredSecrets: ['key'] }).key).toEqual({
      state: 'empty',
      value: '',
    });
    expect(buildDefaultValues(secret, { mode: 'edit', current: { key: 'stored' } }).key).toEqual({
      state: 'empty',
      value: '',
    });
  });
});

describe('buildSpecSchema', () => {
  it('accepts valid values of every type', () => {
    const values = { ...buildDefaultValues(everyType, { mode: 'create' }), level: '2' };
    expect(issuesOf(everyType, values)).toEqual([]);
  });

  it('reports required fields with their title', () => {
    const values = { ...buildDefaultValues(everyType, { mode: 'create' }), name: '  ', count: '' };
    expect(issuesOf(everyType, values)).toEqual([
      { path: ['name'], message: 'Name is required' },
      { path: ['level'], message: 'Level is required' },
      { path: ['count'], message: 'Count is required' },
    ]);
  });

  it('validates integers and numbers', () => {
    const base = { ...buildDefaultValues(everyType, { mode: 'create' }), level: '1' };
    expect(issuesOf(everyType, { ...base, count: '2.5', ratio: 'abc' })).toEqual([
      { path: ['count'], message: 'Count must be a whole number' },
      { path: ['ratio'], message: 'Ratio must be a number' },
    ]);
    expect(issuesOf(everyType, { ...base, count: '0x10' })).toEqual([
      { path: ['count'], message: 'Count must be a number' },
    ]);
    expect(issuesOf(everyType, { ...base, count: '-4', ratio: '1.5e3' })).toEqual([]);
  });

  it('rejects an enum value that is not listed', () => {
    const base = buildDefaultValues(everyType, { mode: 'create' });
    expect(issuesOf(everyType, { ...base, level: '9' })).toEqual([
      { path: ['level'], message: 'Choose one of the listed options for Level' },
    ]);
  });

  it('requires a required secret unless it is Configured', () => {
    const check = (token: unknown) => issuesOf(integrationProperties, { api_access_token: token });
    const required = [{ path: ['api_access_token'], message: 'Routing Key is required' }];
    expect(check({ state: 'empty', value: ' ' })).toEqual(required);
    expect(check({ state: 'replacing', value: '' })).toEqual(required);
    expect(check({ state: 'cleared', value: '' })).toEqual(required);
    expect(check({ state: 'configured', value: '' })).toEqual([]);
    expect(check({ state: 'replacing', value: 'R0123' })).toEqual([]);
    expect(check(undefined)).toEqual(required);
    expect(check(42)).toEqual(required);
  });

  it('lets an optional secret stay blank or be cleared', () => {
    const base = buildDefaultValues(actionProperties, { mode: 'create' });
    expect(issuesOf(actionProperties, { ...base, routing_key: { state: 'cleared', value: '' } })).toEqual([]);
    expect(issuesOf(actionProperties, base)).toEqual([]);
  });

  it('flags blank and duplicate keys on the offending row', () => {
    const rows = [
      { id: 'a', key: 'team', value: '1' },
      { id: 'b', key: '', value: '2' },
      { id: 'c', key: 'team ', value: '3' },
    ];
    const base = buildDefaultValues(actionProperties, { mode: 'create' });
    expect(issuesOf(actionProperties, { ...base, custom_details: { rows, jsonText: null } })).toEqual([
      { path: ['custom_details'], message: 'Every key must be filled in and unique' },
      { path: ['custom_details', 'rows', 1, 'key'], message: 'Key is required' },
      { path: ['custom_details', 'rows', 2, 'key'], message: 'Duplicate key "team"' },
    ]);
  });

  it('explains JSON that is invalid or not an object', () => {
    const base = buildDefaultValues(actionProperties, { mode: 'create' });
    const withJson = (jsonText: string) =>
      issuesOf(actionProperties, { ...base, custom_details: { rows: [], jsonText } });
    expect(withJson('[1, 2]')).toEqual([
      { path: ['custom_details'], message: 'Additional Details must be a JSON object, e.g. {"team": "data"}' },
    ]);
    expect(withJson('{"team": ')[0]?.message).toContain('Additional Details is not valid JSON');
    expect(withJson('{"team": "data"}')).toEqual([]);
  });

  it('never throws on values of the wrong shape', () => {
    const schema = buildSpecSchema(everyType, { mode: 'create' });
    expect(() => schema.safeParse({ name: 5, level: {}, count: [], extra: 'x', on: 'yes' })).not.toThrow();
  });
});
