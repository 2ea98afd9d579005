import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Parses SECRET_KEY: 64 hex characters or base64 of exactly 32 bytes; `null` otherwise. */
export function parseSecretKey(raw: string): Buffer | null {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

/**
 * The key that seals secrets at rest: SECRET_KEY when set, else `DATA_DIR/secret.key`, created
 * once with owner-only permissions so that a copy of the database alone reveals nothing.
 */
export function loadSecretKey(dataDir: string, configured?: string): Buffer {
  if (configured) {
    const key = parseSecretKey(configured);
    if (!key) throw new Error('SECRET_KEY must be 64 hex characters or the base64 of 32 bytes.');
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const key = parseSecretKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a valid key (64 hex characters); restore it or remove the data.`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
