import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../server/crypto/secret-box';
import { createDeliveriesStore } from '../../server/delivery/deliveries-store';
import { createHealthStore } from '../../server/delivery/health-store';
import { openDatabase } from '../../server/store/database';
import { seedDeliveries, seededCreatedAt } from './seed-deliveries';

describe('seedDeliveries', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('tops the table up to the total with rows the server lists, one in ten failed, newest first', async () => {
    dir = await mkdtemp(join(tmpdir(), 'seed-deliveries-'));
    seedDeliveries(dir, 100);
    seedDeliveries(dir, 1000);
    const db = openDatabase(dir);
    try {
      const store = createDeliveriesStore(db, createSecretBox(randomBytes(32)), createHealthStore(db));
      const counts = db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all();
      expect(counts).toEqual([
        { status: 'delivered', n: 900 },
        { status: 'failed', n: 100 },
      ]);
      const page = store.list({});
      expect(page.items).toHaveLength(50);
      expect(page.items[0]).toMatchObject({ id: 1000, kind: 'trigger', status: 'failed', flow_id: 1 });
      expect(page.items[0]?.attempts[0]?.http_status).toBe(202);
      expect(page.items[1]!.created < page.items[0]!.created).toBe(true);
      expect(page.items[0]!.created).toBe(seededCreatedAt(1000));
      expect(store.list({ since: seededCreatedAt(991) }).items).toHaveLength(10);
      const failed = store.list({ status: 'failed' });
      expect(failed.items).toHaveLength(50);
      expect(failed.items.every((item) => item.status === 'failed' && item.failure?.code === 'invalid_event')).toBe(
        true,
      );
    } finally {
      db.close();
    }
  });
});
