import type { SecretBox } from '../crypto/secret-box';
import type { Db } from './database';

const CANARY = 'qualytics-secret-key-check';

/**
 * Fails startup when the secret key cannot open what this data directory was sealed with
 * (SECRET_KEY changed, or secret.key replaced), instead of failing later on every send.
 */
export function checkSecretKey(db: Db, box: SecretBox) {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'secret_key_check'").get() as
    { value: string } | undefined;
  if (!row) {
    db.prepare("INSERT INTO meta (key, value) VALUES ('secret_key_check', ?)").run(box.seal(CANARY));
    return;
  }
  let opened: string | null = null;
  try {
    opened = box.open(row.value);
  } catch {
    opened = null;
  }
  if (opened !== CANARY) {
    throw new Error(
      'The secret key does not match the one this DATA_DIR was sealed with. Restore the previous SECRET_KEY ' +
        '(or DATA_DIR/secret.key), or start with an empty DATA_DIR.',
    );
  }
}
