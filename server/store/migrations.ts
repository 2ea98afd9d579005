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
  {
    version: 3,
    // The delivery outbox (server/delivery). No foreign keys to flows or integrations on purpose: deleting
    // a flow or an integration must not erase the record of what was sent. Times the sender compares are
    // epoch milliseconds (`*_ms`); the ISO columns are what responses show.
    sql: `
      CREATE TABLE executions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        flow_id INTEGER NOT NULL,
        created TEXT NOT NULL
      );
      CREATE INDEX executions_by_flow ON executions (flow_id, id DESC);
      CREATE TABLE execution_actions (
        execution_id INTEGER NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        action_id INTEGER NOT NULL,
        delivery_id INTEGER,
        detail TEXT,
        PRIMARY KEY (execution_id, position)
      );
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('validation', 'test', 'trigger', 'acknowledge', 'resolve')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed', 'skipped')),
        endpoint TEXT NOT NULL CHECK (endpoint IN ('enqueue', 'change')),
        -- 1: sent by a request that waits for the answer (validation, test); the sender never claims those.
        sync INTEGER NOT NULL DEFAULT 0,
        -- 1 while the sender has it in flight; put back to 0 at startup after a crash.
        sending INTEGER NOT NULL DEFAULT 0,
        integration_id INTEGER,
        flow_id INTEGER,
        action_id INTEGER,
        execution_id INTEGER,
        trigger_id INTEGER,
        health_integration_id INTEGER,
        health_action_id INTEGER,
        key_source TEXT,
        key_last4 TEXT,
        sealed_routing_key TEXT,
        -- A one-way hash of the routing key, so pacing per key can be applied in the claim query.
        key_hash TEXT,
        dedup_key TEXT,
        event TEXT,
        incident_state TEXT,
        attempts TEXT NOT NULL DEFAULT '[]',
        failure TEXT,
        enqueued_ms INTEGER NOT NULL,
        next_attempt_ms INTEGER,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE INDEX deliveries_due ON deliveries (status, next_attempt_ms);
      CREATE INDEX deliveries_by_dedup_key ON deliveries (dedup_key, id);
      CREATE INDEX deliveries_by_status ON deliveries (status, id DESC);
      CREATE INDEX deliveries_by_kind ON deliveries (kind, id DESC);
      CREATE INDEX deliveries_by_flow ON deliveries (flow_id, id DESC);
      CREATE INDEX deliveries_by_integration ON deliveries (integration_id, id DESC);
      CREATE INDEX deliveries_by_created ON deliveries (created, id DESC);
      CREATE INDEX deliveries_by_execution ON deliveries (execution_id);
      CREATE TABLE delivery_health (
        scope TEXT NOT NULL CHECK (scope IN ('integration', 'action')),
        owner_id INTEGER NOT NULL,
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_failure_at TEXT,
        last_failure TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (scope, owner_id)
      );
    `,
  },
];
