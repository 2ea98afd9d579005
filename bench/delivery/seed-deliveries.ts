/**
 * Stored deliveries for the delivery log's list benchmark, written straight into SQLite: the schema comes from the
 * server's own migrations (`openDatabase`), and the rows from one `INSERT … SELECT` over a recursive CTE in one
 * transaction (a million rows in seconds; sending a million events would take hours at PagerDuty's pace).
 * Every 10th row is `failed`, so a `?status=failed` page has the same share of matches at every size.
 */
import { openDatabase } from '../../server/store/database';

const EVENT = JSON.stringify({
  routing_key: '…seed',
  event_action: 'trigger',
  dedup_key: 'seed',
  payload: { summary: 'Anomaly in seeded_datastore', source: 'bench', severity: 'error' },
});
const ATTEMPTS = JSON.stringify([
  { at: '2026-01-01T00:00:00.000Z', duration_ms: 12, http_status: 202, outcome: 'delivered', pagerduty: null },
]);
const FAILURE = JSON.stringify({ code: 'invalid_event', detail: 'Event object is invalid' });

const base = Date.parse('2026-01-01T00:00:00.000Z');

/** The `created` of the n-th seeded row (one a second from 2026-01-01), for `?since=` queries. */
export const seededCreatedAt = (n: number) => new Date(base + n * 1000).toISOString();

/** Adds rows until the table holds `total`; returns how long the insert took. */
export function seedDeliveries(dataDir: string, total: number): { ms: number; rows: number } {
  const db = openDatabase(dataDir);
  try {
    const started = performance.now();
    const { n: existing } = db.prepare('SELECT COUNT(*) AS n FROM deliveries').get() as { n: number };
    if (total > existing) {
      db.transaction(() => {
        db.prepare(
          `WITH RECURSIVE seq(n) AS (SELECT @from UNION ALL SELECT n + 1 FROM seq WHERE n < @to)
           INSERT INTO deliveries (kind, status, endpoint, integration_id, flow_id, action_id, key_source, key_last4,
             dedup_key, event, incident_state, attempts, failure, enqueued_ms, next_attempt_ms, created, updated)
           SELECT 'trigger', CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'delivered' END, 'enqueue', 1, n % 100 + 1,
             n % 100 + 1, 'override', 'seed', 'seed-' || n, @event,
             CASE WHEN n % 10 = 0 THEN NULL ELSE 'triggered' END,
             @attempts, CASE WHEN n % 10 = 0 THEN @failure ELSE NULL END, @base + n * 1000, NULL,
             strftime('%Y-%m-%dT%H:%M:%fZ', (@base + n * 1000) / 1000.0, 'unixepoch'),
             strftime('%Y-%m-%dT%H:%M:%fZ', (@base + n * 1000) / 1000.0, 'unixepoch')
           FROM seq`,
        ).run({ from: existing + 1, to: total, event: EVENT, attempts: ATTEMPTS, failure: FAILURE, base });
      })();
    }
    return { ms: performance.now() - started, rows: total };
  } finally {
    db.close();
  }
}
