import type { Integration } from '../../src/api/contract';
import type { SecretBox } from '../crypto/secret-box';
import { nextTimestamp, type Db } from './database';

interface IntegrationRow {
  id: number;
  type: string;
  properties: string;
  sealed_secrets: string;
  created: string;
  updated: string;
}

export interface IntegrationChanges {
  properties: Record<string, unknown>;
  secrets: Record<string, string>;
}

export interface IntegrationsStore {
  list(): Integration[];
  get(id: number): Integration | null;
  findByType(type: string): Integration | null;
  /** A stored secret in clear, for sending it where it belongs; never for a response. */
  secret(id: number, field: string): string | null;
  /** `null` when one of that type already exists (checked inside the write transaction). */
  create(type: string, changes: IntegrationChanges): Integration | null;
  /** `matches` (from If-Match) is checked inside the write transaction, so no write slips in between. */
  update(
    id: number,
    changes: IntegrationChanges,
    matches?: ((updated: string) => boolean) | null,
  ): { integration: Integration } | { conflict: Integration } | null;
  remove(id: number): boolean;
}

const toIntegration = (row: IntegrationRow): Integration => ({
  ...(JSON.parse(row.properties) as Record<string, unknown>),
  id: row.id,
  type: row.type,
  created: row.created,
  updated: row.updated,
  // Names only: which secrets have a value, never the value (the handlers add the spec's missing ones as false).
  secrets_configured: Object.fromEntries(
    Object.keys(JSON.parse(row.sealed_secrets) as Record<string, string>).map((name) => [name, true]),
  ),
});

export function createIntegrationsStore(db: Db, box: SecretBox): IntegrationsStore {
  const byId = db.prepare('SELECT * FROM integrations WHERE id = ?');
  const byType = db.prepare('SELECT * FROM integrations WHERE type = ?');
  const all = db.prepare('SELECT * FROM integrations ORDER BY id');
  const insert = db.prepare(
    'INSERT INTO integrations (type, properties, sealed_secrets, created, updated) VALUES (?, ?, ?, ?, ?)',
  );
  const change = db.prepare('UPDATE integrations SET properties = ?, sealed_secrets = ?, updated = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM integrations WHERE id = ?');
  const seal = (secrets: Record<string, string>) =>
    Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, box.seal(v)]));
  const row = (id: number) => byId.get(id) as IntegrationRow | undefined;

  return {
    list: () => (all.all() as IntegrationRow[]).map(toIntegration),
    get: (id) => {
      const found = row(id);
      return found ? toIntegration(found) : null;
    },
    findByType: (type) => {
      const found = byType.get(type) as IntegrationRow | undefined;
      return found ? toIntegration(found) : null;
    },
    secret(id, field) {
      const found = row(id);
      if (!found) return null;
      const sealed = (JSON.parse(found.sealed_secrets) as Record<string, string>)[field];
      return sealed ? box.open(sealed) : null;
    },
    create: db.transaction((type: string, changes: IntegrationChanges) => {
      if (byType.get(type)) return null;
      const now = nextTimestamp();
      const { lastInsertRowid } = insert.run(
        type,
        JSON.stringify(changes.properties),
        JSON.stringify(seal(changes.secrets)),
        now,
        now,
      );
      return toIntegration(row(Number(lastInsertRowid))!);
    }),
    update: db.transaction(
      (id: number, changes: IntegrationChanges, matches?: ((updated: string) => boolean) | null) => {
        const found = row(id);
        if (!found) return null;
        if (matches && !matches(found.updated)) return { conflict: toIntegration(found) };
        const properties = { ...(JSON.parse(found.properties) as Record<string, unknown>), ...changes.properties };
        const secrets = { ...(JSON.parse(found.sealed_secrets) as Record<string, string>), ...seal(changes.secrets) };
        change.run(JSON.stringify(properties), JSON.stringify(secrets), nextTimestamp(found.updated), id);
        return { integration: toIntegration(row(id)!) };
      },
    ),
    remove: (id) => remove.run(id).changes > 0,
  };
}
