import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../test-support/test-server';
import { openDatabase } from './database';
import { createGroupCommit, type Schedule } from './group-commit';

function setup() {
  const db = openDatabase(tempDataDir());
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  // A schedule the test runs by hand: what was queued before `flush()` is one group.
  const pending: (() => void)[] = [];
  const schedule: Schedule = (flush) => void pending.push(flush);
  const commits = createGroupCommit(db, { schedule });
  const insert = (text: string) => () =>
    Number(db.prepare('INSERT INTO notes (text) VALUES (?)').run(text).lastInsertRowid);
  const texts = () => (db.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((r) => r.text);
  const flush = () => pending.splice(0).forEach((run) => run());
  return { db, commits, insert, texts, flush, pending };
}

describe('group commit', () => {
  it('runs the writes queued in one turn in one transaction, and resolves each once it is committed', async () => {
    const t = setup();
    let committedFirst = false;
    const first = t.commits.run(t.insert('a')).then((id) => {
      // Resolved only after the commit: a second connection sees the row by then.
      committedFirst =
        openDatabase(t.db.name.replace(/\/qualytics\.db$/, ''))
          .prepare('SELECT 1 FROM notes')
          .get() !== undefined;
      return id;
    });
    const second = t.commits.run(t.insert('b'));
    // One flush scheduled for the two, and nothing written before it runs.
    expect(t.pending).toHaveLength(1);
    expect(t.texts()).toEqual([]);
    t.flush();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(committedFirst).toBe(true);
    expect(t.texts()).toEqual(['a', 'b']);
  });

  it('rolls back a write that throws on its own: the others of its group still commit', async () => {
    const t = setup();
    const ok = t.commits.run(t.insert('kept'));
    const failing = t.commits.run(() => {
      t.insert('half-written')();
      throw new Error('refused');
    });
    const duplicate = t.commits.run(t.insert('kept'));
    const after = t.commits.run(t.insert('also kept'));
    t.flush();
    await expect(ok).resolves.toBe(1);
    await expect(failing).rejects.toThrow('refused');
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    await expect(after).resolves.toBeGreaterThan(1);
    expect(t.texts()).toEqual(['kept', 'also kept']);
  });

  it('schedules one flush per group: once it has run, the next write starts a new group', async () => {
    const t = setup();
    void t.commits.run(t.insert('a'));
    void t.commits.run(t.insert('b'));
    expect(t.pending).toHaveLength(1);
    t.flush();
    expect(t.texts()).toEqual(['a', 'b']);
    const c = t.commits.run(t.insert('c'));
    expect(t.pending).toHaveLength(1);
    t.flush();
    await expect(c).resolves.toBe(3);
  });

  it('when the commit itself fails, tells every write of the group, keeps none of it, and starts the next clean', async () => {
    const t = setup();
    // A deferred foreign key is checked at COMMIT: an orphan child fails the commit of its whole group.
    t.db.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (id INTEGER PRIMARY KEY,
        parent INTEGER NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)`);
    const a = t.commits.run(t.insert('a'));
    const orphan = t.commits.run(() => t.db.prepare('INSERT INTO children (parent) VALUES (42)').run());
    t.flush();
    await expect(a).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect(t.texts()).toEqual([]);
    expect(t.db.inTransaction).toBe(false);
    const next = t.commits.run(t.insert('next'));
    t.flush();
    await expect(next).resolves.toBeGreaterThan(0);
    expect(t.texts()).toEqual(['next']);
  });

  it('schedules on setImmediate by default: writes of the same turn share one transaction', async () => {
    const db = openDatabase(tempDataDir());
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    // Transactions opened outside one: each flush opens one, and the savepoints inside it are not counted.
    let transactions = 0;
    const transaction = db.transaction.bind(db);
    db.transaction = ((fn: Parameters<typeof transaction>[0]) => {
      if (!db.inTransaction) transactions++;
      return transaction(fn);
    }) as typeof db.transaction;
    const commits = createGroupCommit(db);
    const write = (text: string) => commits.run(() => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text));
    await Promise.all([write('a'), write('b'), write('c')]);
    expect(transactions).toBe(1);
    await write('d');
    expect(transactions).toBe(2);
  });
});
