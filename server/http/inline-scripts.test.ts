import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './inline-scripts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, whitespace and non-ASCII included', () => {
    const body = '\n  globalThis.x = "café";\n';
    expect(inlineScriptHashes(`<body><script>${body}</script><SCRIPT type="text/javascript">y()</SCRIPT>`)).toEqual([
      sha256(body),
      sha256('y()'),
    ]);
  });

  it('leaves out scripts loaded from a file, and empty ones', () => {
    expect(
      inlineScriptHashes('<script type="module" crossorigin src="/assets/index.js"></script><script></script>'),
    ).toEqual([]);
  });
});
