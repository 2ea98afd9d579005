import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../crypto/secret-box';
import { tempDataDir } from '../test-support/test-server';
import { openDatabase, type Db } from './database';
import { createFlowsStore, type ActionWrite } from './flows-store';

/** The database with every prepare and every statement run counted. */
function countingDb(db: Db) {
  const counts = { prepared: 0, executed: 0 };
  const run = new Set(['all', 'get', 'run', 'iterate']);
  const proxy = new Proxy(db, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (name !== 'prepare' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        counts.prepared++;
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(s, key, r) {
            const member = Reflect.get(s, key, r) as unknown;
            if (typeof member !== 'function') return member;
            return (...args: unknown[]) => {
              if (run.has(String(key))) counts.executed++;
              return (member as (...a: unknown[]) => unknown).apply(s, args);
            };
          },
        });
      };
    },
  });
  return { db: proxy, counts };
}

const opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function store() {
  const db = openDatabase(tempDataDir());
  opened.push(db);
  const counting = countingDb(db);
  return { flows: createFlowsStore(counting.db, createSecretBox(randomBytes(32))), counts: counting.counts };
}

const action = (message: string, routingKey?: string): ActionWrite => ({
  type: 'PagerDuty',
  message,
  severity: 'info',
  customDetails: { n: message },
  routingKey,
});

describe('flows store', () => {
  it('lists any number of flows with two queries and prepares nothing while working', () => {
    const { flows, counts } = store();
    const preparedAtStart = counts.prepared;
    for (let i = 0; i < 12; i++) {
      flows.create({ name: `flow ${i}`, triggerType: 'anomaly', actions: [action(`a${i}`), action(`b${i}`, 'k')] });
    }
    const created = flows.list();
    const first = created[0]!;
    flows.update(first.id, { actions: [{ ...action('changed'), id: first.actions[1]!.id }, action('new')] });
    flows.setLastTest(first.actions[1]!.id, {
      at: '2026-01-01T00:00:00.000Z',
      fingerprint: 'f',
      outcome: 'delivered',
      message: 'ok',
    });
    flows.remove(created[1]!.id);
    expect(counts.prepared).toBe(preparedAtStart);

    counts.executed = 0;
    const listed = flows.list();
    expect(counts.executed).toBe(2);
    expect(listed).toHaveLength(11);
    expect(listed.map((f) => f.name).slice(0, 2)).toEqual(['flow 0', 'flow 2']);
    expect(listed[0]!.actions.map((a) => a.tokenized_message)).toEqual(['changed', 'new']);
    expect(listed[1]!.actions.map((a) => [a.tokenized_message, a.parameters.routing_key_configured])).toEqual([
      ['a2', false],
      ['b2', true],
    ]);
    expect(listed).toEqual(listed.map((f) => flows.get(f.id)));
  });
});
