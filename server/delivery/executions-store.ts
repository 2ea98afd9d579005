import type { DeliveryStatus, Execution, ExecutionAction, PageQuery } from '../../src/api/contract';
import type { Db } from '../store/database';
import { decodeCursor, encodeCursor, pageLimit } from './cursor';

interface ActionJoinRow {
  execution_id: number;
  action_id: number;
  delivery_id: number | null;
  detail: string | null;
  status: DeliveryStatus | null;
  sending: 0 | 1 | null;
  attempts: string | null;
  failure: string | null;
  updated: string | null;
}

interface ExecutionRow {
  id: number;
  flow_id: number;
  created: string;
}

/** An action's node state follows its delivery; nothing is stored twice, so the two can never disagree. */
function toAction(row: ActionJoinRow): ExecutionAction & { settledAt: string | null } {
  const base = { action_id: row.action_id, delivery_id: row.delivery_id };
  if (row.delivery_id === null || row.status === null) {
    return { ...base, status: 'skipped', detail: row.detail, settledAt: null };
  }
  const failure = row.failure ? (JSON.parse(row.failure) as { detail: string }).detail : null;
  // When its last attempt ended: `updated` moves later (an acknowledge changes the trigger's incident state).
  const attempts = row.attempts ? (JSON.parse(row.attempts) as { at: string }[]) : [];
  const settledAt = attempts.at(-1)?.at ?? row.updated;
  switch (row.status) {
    case 'delivered':
      return { ...base, status: 'success', detail: null, settledAt };
    case 'failed':
      return { ...base, status: 'failure', detail: failure, settledAt };
    case 'skipped':
      return { ...base, status: 'skipped', detail: failure, settledAt };
    default: {
      const started = row.sending === 1 || attempts.length > 0;
      return { ...base, status: started ? 'running' : 'pending', detail: started ? failure : null, settledAt: null };
    }
  }
}

function toExecution(row: ExecutionRow, actionRows: ActionJoinRow[]): Execution {
  const actions = actionRows.map(toAction);
  const open = actions.some((a) => a.status === 'pending' || a.status === 'running');
  const failed = actions.some((a) => a.status === 'failure' || a.status === 'skipped');
  const settled = actions.flatMap((a) => (a.settledAt ? [a.settledAt] : []));
  return {
    id: row.id,
    flow_id: row.flow_id,
    status: open ? 'running' : failed ? 'failure' : 'success',
    created: row.created,
    finished: open ? null : settled.reduce((latest, at) => (at > latest ? at : latest), row.created),
    actions: actions.map(({ settledAt: _settledAt, ...action }) => action),
  };
}

export function createExecutionsStore(db: Db) {
  // Every statement is prepared once, here: preparing is parsing and planning, wasted when repeated per event.
  const actionsJoin = db.prepare(
    `SELECT ea.execution_id, ea.action_id, ea.delivery_id, ea.detail,
            d.status, d.sending, d.attempts, d.failure, d.updated
     FROM execution_actions ea LEFT JOIN deliveries d ON d.id = ea.delivery_id
     WHERE ea.execution_id IN (SELECT value FROM json_each(?)) ORDER BY ea.execution_id, ea.position`,
  );
  const insertExecution = db.prepare('INSERT INTO executions (flow_id, created) VALUES (?, ?)');
  const insertAction = db.prepare(
    'INSERT INTO execution_actions (execution_id, position, action_id, delivery_id, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare('SELECT * FROM executions WHERE id = ?');
  const ofFlow = db.prepare('SELECT * FROM executions WHERE flow_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
  const actionsOf = (ids: number[]) => actionsJoin.all(JSON.stringify(ids)) as ActionJoinRow[];

  /** One query for the executions and one for all their actions, whatever the page size. */
  const assemble = (rows: ExecutionRow[]) => {
    const actions = actionsOf(rows.map((r) => r.id));
    return rows.map((r) =>
      toExecution(
        r,
        actions.filter((a) => a.execution_id === r.id),
      ),
    );
  };

  return {
    /** Inside the caller's transaction: the execution and its deliveries are enqueued together. */
    insert(flowId: number, created: string): number {
      return Number(insertExecution.run(flowId, created).lastInsertRowid);
    },
    addAction(
      executionId: number,
      position: number,
      actionId: number,
      deliveryId: number | null,
      detail: string | null,
    ) {
      insertAction.run(executionId, position, actionId, deliveryId, detail);
    },
    get(id: number): Execution | null {
      const row = byId.get(id) as ExecutionRow | undefined;
      return row ? assemble([row])[0]! : null;
    },
    listForFlow(flowId: number, query: PageQuery) {
      const limit = pageLimit(query.limit);
      const before = query.before === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(query.before);
      const rows = ofFlow.all(flowId, before, limit + 1) as ExecutionRow[];
      const items = assemble(rows.slice(0, limit));
      return { items, next_cursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
    },
  };
}

export type ExecutionsStore = ReturnType<typeof createExecutionsStore>;
