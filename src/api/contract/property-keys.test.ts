import { describe, expect, it } from 'vitest';
import { readAtPath, requestPaths, writeAtPath } from './property-keys';

describe('request paths of spec properties', () => {
  it('uses map_to as the key of a property alone under it (a rename, not a nesting)', () => {
    const botToken = { field: 'bot_token', map_to: 'api_access_token' };
    const channel = { field: 'channel' };
    const paths = requestPaths([botToken, channel]);
    expect(paths.get(botToken)).toEqual(['api_access_token']);
    expect(paths.get(channel)).toEqual(['channel']);
    const body: Record<string, unknown> = {};
    writeAtPath(body, paths.get(botToken)!, 'xoxb-1');
    expect(body).toEqual({ api_access_token: 'xoxb-1' });
    expect(readAtPath(body, paths.get(botToken)!)).toBe('xoxb-1');
  });

  it('nests properties that share a map_to under it by field', () => {
    const severity = { field: 'severity', map_to: 'parameters' };
    const details = { field: 'custom_details', map_to: 'parameters' };
    const message = { field: 'tokenized_message' };
    const paths = requestPaths([severity, details, message]);
    const body: Record<string, unknown> = {};
    writeAtPath(body, paths.get(severity)!, 'error');
    writeAtPath(body, paths.get(details)!, { a: 1 });
    writeAtPath(body, paths.get(message)!, 'hi');
    expect(body).toEqual({ parameters: { severity: 'error', custom_details: { a: 1 } }, tokenized_message: 'hi' });
    expect(readAtPath(body, paths.get(details)!)).toEqual({ a: 1 });
    expect(readAtPath({}, paths.get(details)!)).toBeUndefined();
  });

  it('cannot reach a prototype through a field named __proto__', () => {
    const evil = { field: '__proto__', map_to: 'parameters' };
    const other = { field: 'x', map_to: 'parameters' };
    const paths = requestPaths([evil, other]);
    const body: Record<string, unknown> = {};
    writeAtPath(body, paths.get(evil)!, { polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(body.parameters as object)).toEqual(['__proto__']);
  });
});
