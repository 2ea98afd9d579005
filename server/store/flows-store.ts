import type { Flow, LastTest, PagerDutyAction, Severity, TriggerType } from '../../src/api/contract';
import type { SecretBox } from '../crypto/secret-box';
import { nextTimestamp, type Db } from './database';

interface FlowRow {
  id: number;
  name: string;
  trigger_type: TriggerType;
  created: string;
  updated: string;
}

interface ActionRow {
  id: number;
  flow_id: number;
  position: number;
  type: 'PagerDuty';
  message: string;
  severity: Severity;
  custom_details: string;
  sealed_routing_key: string | null;
  last_test: string | null;
}

/** An action to store; `routingKey`: undefined = keep the stored override, null = clear, string = replace. */
export interface ActionWrite {
  id?: number;
  type: 'PagerDuty';
  message: string;
  severity: Severity;
  customDetails: Record<string, unknown>;
  routingKey: string | null | undefined;
}

export interface FlowWrite {
  name?: string;
  triggerType?: TriggerType;
  actions?: ActionWrite[];
}

export type FlowWriteResult =
  | { flow: Flow }
  | { unknownActionIndexes: number[] }
  /** The stored version did not pass the caller's `If-Match`: nothing was written. */
  | { conflict: Flow }
  | null;

export interface StoredAction {
  id: number;
  flowId: number;
  routingKey: string | null;
}

export interface FlowsStore {
  list(): Flow[];
  get(id: number): Flow | null;
  create(write: Required<Pick<FlowWrite, 'name' | 'triggerType'>> & FlowWrite): FlowWriteResult;
  /** `matches` (from If-Match) is checked inside the write transaction, so no write slips in between. */
  update(id: number, write: FlowWrite, matches?: ((updated: string) => boolean) | null): FlowWriteResult;
  remove(id: number): boolean;
  /** The action with its override in clear (for sending only), or null. */
  action(id: number): StoredAction | null;
  setLastTest(actionId: number, lastTest: LastTest): void;
}

export function createFlowsStore(db: Db, box: SecretBox): FlowsStore {
  // Every statement is prepared once, here: preparing is parsing and planning, wasted when repeated per row.
  const flowById = db.prepare('SELECT * FROM flows WHERE id = ?');
  const actionsOf = db.prepare('SELECT * FROM flow_actions WHERE flow_id = ? ORDER BY position, id');
  const allFlows = db.prepare('SELECT * FROM flows ORDER BY id');
  const allActions = db.prepare('SELECT * FROM flow_actions ORDER BY flow_id, position, id');
  const actionById = db.prepare('SELECT * FROM flow_actions WHERE id = ?');
  const insertFlow = db.prepare('INSERT INTO flows (name, trigger_type, created, updated) VALUES (?, ?, ?, ?)');
  const updateFlow = db.prepare('UPDATE flows SET name = ?, trigger_type = ?, updated = ? WHERE id = ?');
  const deleteFlow = db.prepare('DELETE FROM flows WHERE id = ?');
  const deleteAction = db.prepare('DELETE FROM flow_actions WHERE id = ?');
  const updateAction = db.prepare(
    `UPDATE flow_actions SET position = @position, type = @type, message = @message, severity = @severity,
       custom_details = @custom_details, sealed_routing_key = @sealed_routing_key WHERE id = @id`,
  );
  const insertAction = db.prepare(
    `INSERT INTO flow_actions (flow_id, position, type, message, severity, custom_details, sealed_routing_key)
     VALUES (@flow_id, @position, @type, @message, @severity, @custom_details, @sealed_routing_key)`,
  );
  const updateLastTest = db.prepare('UPDATE flow_actions SET last_test = ? WHERE id = ?');

  const toAction = (row: ActionRow): PagerDutyAction => ({
    id: row.id,
    type: row.type,
    tokenized_message: row.message,
    parameters: {
      severity: row.severity,
      custom_details: JSON.parse(row.custom_details) as Record<string, unknown>,
      routing_key_configured: row.sealed_routing_key !== null,
    },
    last_test: row.last_test ? (JSON.parse(row.last_test) as LastTest) : null,
  });

  const toFlow = (row: FlowRow, actions = actionsOf.all(row.id) as ActionRow[]): Flow => ({
    ...row,
    actions: actions.map(toAction),
  });

  /** Two queries whatever the number of flows: the flows, then all their actions, grouped here. */
  const list = (): Flow[] => {
    const flows = allFlows.all() as FlowRow[];
    const byFlow = new Map<number, ActionRow[]>(flows.map((f) => [f.id, []]));
    for (const action of allActions.all() as ActionRow[]) byFlow.get(action.flow_id)?.push(action);
    return flows.map((row) => toFlow(row, byFlow.get(row.id)));
  };

  const get = (id: number) => {
    const row = flowById.get(id) as FlowRow | undefined;
    return row ? toFlow(row) : null;
  };

  /** Replaces the action list of a flow; ids must belong to that flow. Runs inside the caller's transaction. */
  const writeActions = (flowId: number, actions: ActionWrite[]): number[] => {
    const current = new Map((actionsOf.all(flowId) as ActionRow[]).map((r) => [r.id, r]));
    const unknown = actions.flatMap((a, i) => (a.id !== undefined && !current.has(a.id) ? [i] : []));
    if (unknown.length) return unknown;
    const kept = new Set(actions.flatMap((a) => (a.id === undefined ? [] : [a.id])));
    for (const id of current.keys()) {
      if (!kept.has(id)) deleteAction.run(id);
    }
    actions.forEach((action, position) => {
      const previous = action.id === undefined ? undefined : current.get(action.id);
      const sealed =
        action.routingKey === undefined
          ? (previous?.sealed_routing_key ?? null)
          : action.routingKey === null
            ? null
            : box.seal(action.routingKey);
      const values = {
        flow_id: flowId,
        position,
        type: action.type,
        message: action.message,
        severity: action.severity,
        custom_details: JSON.stringify(action.customDetails),
        sealed_routing_key: sealed,
      };
      if (previous) updateAction.run({ ...values, id: previous.id });
      else insertAction.run(values);
    });
    return [];
  };

  class Rollback extends Error {
    constructor(readonly result: Exclude<FlowWriteResult, { flow: Flow } | null>) {
      super('write refused');
    }
  }

  const inTransaction = (work: () => Flow | null): FlowWriteResult => {
    try {
      const flow = db.transaction(work)();
      return flow ? { flow } : null;
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      throw error;
    }
  };

  return {
    list,
    get,
    create: (write) =>
      inTransaction(() => {
        const now = nextTimestamp();
        const { lastInsertRowid } = insertFlow.run(write.name, write.triggerType, now, now);
        const id = Number(lastInsertRowid);
        const unknown = writeActions(id, write.actions ?? []);
        if (unknown.length) throw new Rollback({ unknownActionIndexes: unknown });
        return get(id);
      }),
    update: (id, write, matches) =>
      inTransaction(() => {
        const row = flowById.get(id) as FlowRow | undefined;
        if (!row) return null;
        if (matches && !matches(row.updated)) throw new Rollback({ conflict: toFlow(row) });
        if (write.actions) {
          const unknown = writeActions(id, write.actions);
          if (unknown.length) throw new Rollback({ unknownActionIndexes: unknown });
        }
        updateFlow.run(write.name ?? row.name, write.triggerType ?? row.trigger_type, nextTimestamp(row.updated), id);
        return get(id);
      }),
    remove: (id) => deleteFlow.run(id).changes > 0,
    action(id) {
      const row = actionById.get(id) as ActionRow | undefined;
      if (!row) return null;
      return {
        id: row.id,
        flowId: row.flow_id,
        routingKey: row.sealed_routing_key ? box.open(row.sealed_routing_key) : null,
      };
    },
    setLastTest(actionId, lastTest) {
      updateLastTest.run(JSON.stringify(lastTest), actionId);
    },
  };
}
