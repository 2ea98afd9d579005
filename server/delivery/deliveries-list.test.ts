import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../crypto/secret-box';
import { openDatabase, type Db } from '../store/database';
import { tempDataDir } from '../test-support/test-server';
import { createDeliveriesStore } from './deliveries-store';
import { createHealthStore } from './health-store';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A store whose every statement's SQL is kept, to check how SQLite answers it. */
function setup(rows: number) {
  const db = openDatabase(tempDataDir());
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as Db['prepare'];
  const store = createDeliveriesStore(db, createSecretBox(Buffer.alloc(32, 7)), createHealthStore(db));
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      store.insert(
        {
          kind: 'trigger',
          endpoint: 'enqueue',
          sync: false,
          keySource: 'integration',
          routingKey: null,
          dedupKey: `d${i}`,
          event: null,
          skipped: { code: 'not_connected', detail: 'No routing key.' },
        },
        T0 + i * 1000,
      );
    }
  })();
  return { db, store, prepared };
}

const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe('listing deliveries since a time', () => {
  it('returns exactly the deliveries created since then, newest first, across pages and with other filters', () => {
    const { store } = setup(40);
    const page = store.list({ since: at(30), limit: 4 });
    expect(page.items.map((d) => d.created)).toEqual([at(39), at(38), at(37), at(36)]);
    const rest = store.list({ since: at(30), limit: 50, before: page.next_cursor! });
    expect(rest.items.map((d) => d.created)).toEqual([35, 34, 33, 32, 31, 30].map(at));
    expect(rest.next_cursor).toBeNull();
    expect(store.list({ since: at(30), status: 'skipped', limit: 50 }).items).toHaveLength(10);
    expect(store.list({ since: at(39.5) }).items).toEqual([]);
    expect(store.list({ since: at(-10), limit: 50 }).items).toHaveLength(40);
  });

  it('starts at the first match instead of walking the whole table', () => {
    const { db, store, prepared } = setup(3);
    prepared.length = 0;
    store.list({ since: at(2) });
    const sql = prepared.find((s) => s.includes('created >= @since'))!;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ since: at(2), limit: 51 }) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.some((d) => /^SCAN deliveries/.test(d))).toBe(false);
    expect(plan).toContainEqual(expect.stringMatching(/USING COVERING INDEX deliveries_by_created \(created>\?\)/));
  });
});
