import type { Delivery, DeliveryAttempt, DeliveryFailure, DeliveryKind, DeliveryStatus } from '../../src/api/contract';

/** A row of `deliveries` as SQLite returns it. */
export interface DeliveryRow {
  id: number;
  kind: DeliveryKind;
  status: DeliveryStatus;
  endpoint: 'enqueue' | 'change';
  sync: 0 | 1;
  sending: 0 | 1;
  integration_id: number | null;
  flow_id: number | null;
  action_id: number | null;
  execution_id: number | null;
  trigger_id: number | null;
  health_integration_id: number | null;
  health_action_id: number | null;
  key_source: 'integration' | 'override' | null;
  key_last4: string | null;
  sealed_routing_key: string | null;
  key_hash: string | null;
  dedup_key: string | null;
  event: string | null;
  incident_state: Delivery['incident_state'];
  attempts: string;
  failure: string | null;
  enqueued_ms: number;
  next_attempt_ms: number | null;
  created: string;
  updated: string;
}

export const FINAL_STATUSES: readonly DeliveryStatus[] = ['delivered', 'failed', 'skipped'];
export const isFinal = (status: DeliveryStatus) => FINAL_STATUSES.includes(status);

/** The API's view: never the sealed key or its hash. */
export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    integration_id: row.integration_id,
    flow_id: row.flow_id,
    action_id: row.action_id,
    execution_id: row.execution_id,
    key_source: row.key_source,
    key_last4: row.key_last4,
    dedup_key: row.dedup_key,
    event: row.event ? (JSON.parse(row.event) as Record<string, unknown>) : null,
    incident_state: row.incident_state,
    attempts: JSON.parse(row.attempts) as DeliveryAttempt[],
    next_attempt_at:
      row.next_attempt_ms !== null && !isFinal(row.status) ? new Date(row.next_attempt_ms).toISOString() : null,
    created: row.created,
    updated: row.updated,
    failure: row.failure ? (JSON.parse(row.failure) as DeliveryFailure) : null,
  };
}
