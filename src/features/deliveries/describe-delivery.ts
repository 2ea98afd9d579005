import type { Delivery, DeliveryKind, DeliveryStatus, IncidentState } from '../../api/contract';
import { formatSeconds } from '../../shared/format';

export const kindLabels: Record<DeliveryKind, string> = {
  validation: 'Key check',
  test: 'Test',
  trigger: 'Trigger',
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
};

export const statusLabels: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
  skipped: 'Skipped',
};

export const incidentLabels: Record<IncidentState, string> = {
  triggered: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** Still moving: the sender will attempt it (again). */
export const isLive = (delivery: Pick<Delivery, 'status'>) =>
  delivery.status === 'pending' || delivery.status === 'retrying';

/** "Delivered", "Retrying — next attempt in 40 s", "Failed", ... */
export function statusText(delivery: Pick<Delivery, 'status' | 'next_attempt_at'>, now: Date): string {
  if (delivery.status !== 'retrying' || !delivery.next_attempt_at) return statusLabels[delivery.status];
  const seconds = (new Date(delivery.next_attempt_at).getTime() - now.getTime()) / 1000;
  return seconds >= 1 ? `Retrying — next attempt in ${formatSeconds(seconds)}` : 'Retrying — next attempt now';
}

/** PagerDuty's words on the latest attempt, or why there were none. */
export function pagerDutyAnswer(delivery: Pick<Delivery, 'attempts' | 'failure' | 'status'>): string {
  const last = delivery.attempts.at(-1);
  if (!last) return delivery.failure?.detail ?? (delivery.status === 'pending' ? 'Not sent yet' : '—');
  const reply = last.pagerduty;
  const words = [reply?.message ?? reply?.status, ...(reply?.errors ?? [])].filter(Boolean).join(' — ');
  const http = last.http_status === null ? '' : `${last.http_status} `;
  return `${http}${words || last.detail || delivery.failure?.detail || ''}`.trim() || '—';
}

/** Which follow-ups make sense now; the server decides in the end (409 with its reason). */
export function availableActions(delivery: Delivery) {
  const trigger = delivery.kind === 'trigger' || delivery.kind === 'test';
  const open = delivery.status === 'delivered' && delivery.incident_state !== 'resolved';
  return {
    retry: delivery.kind === 'trigger' && delivery.status === 'failed',
    acknowledge: trigger && open && delivery.incident_state !== 'acknowledged',
    resolve: trigger && open,
  };
}
