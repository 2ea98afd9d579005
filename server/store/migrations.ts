/**
 * Versioned schema changes, applied in order once each. Never edit a shipped migration: add the
 * next version instead, so that existing data directories upgrade cleanly.
 */
export const migrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('Admin', 'Manager', 'Member')),
        token_hash TEXT NOT NULL
      );
      CREATE TABLE integrations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        properties TEXT NOT NULL DEFAULT '{}',
        sealed_secrets TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE UNIQUE INDEX integrations_one_per_type ON integrations (type);
      CREATE TABLE flows (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        trigger_type TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE TABLE flow_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        flow_id INTEGER NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        message TEXT NOT NULL,
        severity TEXT NOT NULL,
        custom_details TEXT NOT NULL DEFAULT '{}',
        sealed_routing_key TEXT,
        last_test TEXT
      );
      CREATE INDEX flow_actions_by_flow ON flow_actions (flow_id, position);
    `,
  },
  {
    version: 2,
    // Holds a sealed canary so a changed SECRET_KEY is caught at startup, not at the first send.
    sql: `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
];
