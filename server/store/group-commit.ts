import type { Db } from './database';

export type Schedule = (flush: () => void) => void;

export interface GroupCommit {
  /**
   * Runs `work` inside the next shared transaction and resolves with its result once that transaction has
   * committed, so a caller that answers after `await` answers only for what is on disk. A throw in `work` rolls
   * back `work` alone (its own savepoint) and rejects its promise; the others still commit.
   */
  run<T>(work: () => T): Promise<T>;
}

/**
 * Group commit: writes that arrive in the same turn of the event loop share one SQLite transaction. A commit is
 * the expensive part of a small write (the WAL frame and its header), so under load N executions or N settled
 * sends cost about one commit instead of N; alone, a write waits only for the end of the current turn.
 *
 * The default schedule is `setImmediate`: it runs after the poll phase, once every request that was readable in
 * this turn has been parsed and has queued its work.
 */
export function createGroupCommit(db: Db, options: { schedule?: Schedule } = {}): GroupCommit {
  const schedule: Schedule = options.schedule ?? ((flush) => setImmediate(flush));
  type Job = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let queue: Job[] = [];

  function flush() {
    const jobs = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: db.transaction(job.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed: nothing of this group is on disk, so nobody is told otherwise.
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (!queue.length) schedule(flush);
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
