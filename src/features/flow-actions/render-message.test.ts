import { describe, expect, it } from 'vitest';
import { findTokens, insertToken, renderMessage, tokenAtCaret, toSummaryLine, unknownTokens } from './render-message';

const tokens = [
  { name: 'flow_name', description: 'Flow', sample: 'Nightly checks' },
  { name: 'datastore_name', description: 'Datastore', sample: 'warehouse' },
];

describe('findTokens', () => {
  it('finds tokens with or without spaces inside the braces', () => {
    expect(findTokens('{{flow_name}} and {{  datastore_name }}')).toEqual([
      { name: 'flow_name', start: 0, end: 13 },
      { name: 'datastore_name', start: 18, end: 39 },
    ]);
  });

  it('ignores single braces and unclosed tokens', () => {
    expect(findTokens('{flow_name} and {{ open')).toEqual([]);
  });
});

describe('renderMessage', () => {
  it('fills known tokens with samples and keeps unknown ones as typed', () => {
    expect(renderMessage('Flow {{ flow_name }} on {{datastore_name}}: {{ nope }}', tokens)).toBe(
      'Flow Nightly checks on warehouse: {{ nope }}',
    );
  });

  it('leaves text without tokens untouched', () => {
    expect(renderMessage('static text', [])).toBe('static text');
  });
});

describe('unknownTokens', () => {
  it('lists each unknown name once', () => {
    expect(unknownTokens('{{ a }} {{ flow_name }} {{a}} {{ b }}', tokens)).toEqual(['a', 'b']);
  });

  it('treats every token as unknown for a trigger without tokens', () => {
    expect(unknownTokens('{{ flow_name }}', [])).toEqual(['flow_name']);
  });
});

describe('toSummaryLine', () => {
  it('joins lines into one', () => {
    expect(toSummaryLine(' a\n b\r\nc ')).toBe('a b c');
  });
});

describe('tokenAtCaret / insertToken', () => {
  it('detects a token being typed', () => {
    expect(tokenAtCaret('Hi {{ flo', 9)).toEqual({ start: 3, query: 'flo' });
    expect(tokenAtCaret('Hi {{', 5)).toEqual({ start: 3, query: '' });
    expect(tokenAtCaret('Hi {{ a }} x', 12)).toBeNull();
    expect(tokenAtCaret('no token', 8)).toBeNull();
  });

  it('replaces the partial token and places the caret after it', () => {
    expect(insertToken('Hi {{ flo', 9, 'flow_name')).toEqual({ value: 'Hi {{ flow_name }}', caret: 18 });
    expect(insertToken('Hi {{fl}} there', 7, 'flow_name')).toEqual({ value: 'Hi {{ flow_name }} there', caret: 18 });
  });
});
