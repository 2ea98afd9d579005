import type { LastTest } from '../../src/api/contract';

/**
 * Tests sent for an action not saved yet (the setup wizard tests before it saves), by delivery id. The save
 * that follows names the test's `test_delivery_id`; the server records the outcome it saw itself, never one the
 * client claims, and only for the user who sent it with exactly the settings being saved. Kept in memory:
 * after a restart such a save says "never tested", which is true of what the server can vouch for.
 */
export interface UnsavedTests {
  remember(deliveryId: number, userId: number, lastTest: LastTest): void;
  /** The test, once: only if this user sent it and its fingerprint matches the saved settings. */
  claim(deliveryId: number, userId: number, fingerprint: string): LastTest | null;
}

export function createUnsavedTests(limit = 500): UnsavedTests {
  const tests = new Map<number, { userId: number; lastTest: LastTest }>();
  return {
    remember(deliveryId, userId, lastTest) {
      tests.set(deliveryId, { userId, lastTest });
      // Oldest first (a Map keeps insertion order): a test nobody saved is eventually forgotten.
      for (const oldest of tests.keys()) {
        if (tests.size <= limit) break;
        tests.delete(oldest);
      }
    },
    claim(deliveryId, userId, fingerprint) {
      const entry = tests.get(deliveryId);
      if (!entry || entry.userId !== userId || entry.lastTest.fingerprint !== fingerprint) return null;
      tests.delete(deliveryId);
      return entry.lastTest;
    },
  };
}
