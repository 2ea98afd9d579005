import type { DeliveryFailure, DeliveryHealth } from '../../src/api/contract';
import type { Db } from '../store/database';

export type HealthScope = 'integration' | 'action';

interface HealthRow {
  owner_id: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_failure: string | null;
  consecutive_failures: number;
}

export const NO_DELIVERIES: DeliveryHealth = {
  state: 'no_deliveries',
  last_attempt_at: null,
  last_success_at: null,
  last_failure_at: null,
  last_failure: null,
  consecutive_failures: 0,
};

const toHealth = (row: HealthRow): DeliveryHealth => ({
  state: row.consecutive_failures > 0 ? 'failing' : 'ok',
  last_attempt_at: row.last_attempt_at,
  last_success_at: row.last_success_at,
  last_failure_at: row.last_failure_at,
  last_failure: row.last_failure ? (JSON.parse(row.last_failure) as DeliveryFailure) : null,
  consecutive_failures: row.consecutive_failures,
});

/**
 * Health of each integration and action, folded from delivery attempts as they are recorded (in the same
 * transaction), so a list of any length reads it with one query instead of scanning attempts per row.
 */
export function createHealthStore(db: Db) {
  const success = db.prepare(
    `INSERT INTO delivery_health (scope, owner_id, last_attempt_at, last_success_at, consecutive_failures)
     VALUES (@scope, @owner, @at, @at, 0)
     ON CONFLICT (scope, owner_id) DO UPDATE SET last_attempt_at = @at, last_success_at = @at, consecutive_failures = 0`,
  );
  const failure = db.prepare(
    `INSERT INTO delivery_health (scope, owner_id, last_attempt_at, last_failure_at, last_failure, consecutive_failures)
     VALUES (@scope, @owner, @attemptAt, @at, @failure, 1)
     ON CONFLICT (scope, owner_id) DO UPDATE SET last_attempt_at = COALESCE(@attemptAt, last_attempt_at),
       last_failure_at = @at, last_failure = @failure, consecutive_failures = consecutive_failures + 1`,
  );
  const byScope = db.prepare('SELECT * FROM delivery_health WHERE scope = ?');

  return {
    /** `attempted: false` for a delivery skipped before any attempt (no key): a failure, but no attempt. */
    record(
      scope: HealthScope,
      owner: number,
      at: string,
      outcome: { ok: true } | { ok: false; failure: DeliveryFailure; attempted: boolean },
    ) {
      if (outcome.ok) success.run({ scope, owner, at });
      else
        failure.run({
          scope,
          owner,
          at,
          attemptAt: outcome.attempted ? at : null,
          failure: JSON.stringify(outcome.failure),
        });
    },
    /** Every owner's health in one query; owners without a row have had no deliveries. */
    all(scope: HealthScope): (owner: number) => DeliveryHealth {
      const rows = new Map((byScope.all(scope) as HealthRow[]).map((r) => [r.owner_id, toHealth(r)]));
      return (owner) => rows.get(owner) ?? NO_DELIVERIES;
    },
  };
}

export type HealthStore = ReturnType<typeof createHealthStore>;
