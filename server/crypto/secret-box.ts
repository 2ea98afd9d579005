import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** AES-256-GCM with a random 12-byte IV; the sealed form is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** How many opened secrets a box remembers; past that the oldest are forgotten (insertion order). */
const OPENED_LIMIT = 1024;

/** A map that forgets its oldest entry once it holds `limit`: enough for memos of a bounded working set. */
export function boundedMemo<K, V>(limit: number) {
  const entries = new Map<K, V>();
  return {
    get: (key: K) => entries.get(key),
    set(key: K, value: V) {
      if (entries.size >= limit) entries.delete(entries.keys().next().value as K);
      entries.set(key, value);
    },
  };
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes.');
  // Opening is deterministic and the sender opens the same few routing keys for every event: a decipher per send
  // was a tenth of the outbox's time. Only what opened (authenticated) is remembered, so a forged value still fails.
  const opened = boundedMemo<string, string>(OPENED_LIMIT);
  const box: SecretBox = {
    seal(plain: string) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed: string) {
      const known = opened.get(sealed);
      if (known !== undefined) return known;
      const plain = openUncached(sealed);
      opened.set(sealed, plain);
      return plain;
    },
  };
  function openUncached(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
      throw new Error('Unrecognised sealed secret');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
  return box;
}
