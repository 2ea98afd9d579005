import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedMemo, createSecretBox } from './secret-box';
import { loadSecretKey, parseSecretKey } from './secret-key';

describe('secret box', () => {
  it('round-trips and never contains the plain text', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('R0UT1NGKEY0123456789abcdefABCDEF');
    expect(sealed).not.toContain('R0UT1NGKEY');
    expect(box.open(sealed)).toBe('R0UT1NGKEY0123456789abcdefABCDEF');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered secret or a wrong key', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other!').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('still refuses a tampered secret after the genuine one was opened (only what opened is remembered)', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('secret');
    expect(box.open(sealed)).toBe('secret');
    expect(box.open(sealed)).toBe('secret');
    const parts = sealed.split('.');
    parts[2] = Buffer.alloc(16).toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('a bounded memo forgets its oldest entry once full', () => {
    const memo = boundedMemo<string, number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([undefined, 2, 3]);
  });
});

describe('secret key', () => {
  it('accepts 64 hex characters or base64 of 32 bytes only', () => {
    expect(parseSecretKey('ab'.repeat(32))?.length).toBe(32);
    expect(parseSecretKey(randomBytes(32).toString('base64'))?.length).toBe(32);
    expect(parseSecretKey('short')).toBeNull();
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeNull();
  });

  it('creates an owner-only key file once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qk-'));
    const first = loadSecretKey(dir);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(dir).equals(first)).toBe(true);
    expect(() => loadSecretKey(dir, 'nope')).toThrow(/SECRET_KEY/);
  });
});
