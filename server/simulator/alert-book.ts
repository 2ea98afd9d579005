import { isRecord } from '../json-utils';
import type { AlertEffect, SimAlert } from './simulator-types';

interface Alert extends Omit<SimAlert, 'routing_key_last4'> {
  routingKey: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * PagerDuty's alert lifecycle by routing key + dedup key: a trigger opens an alert or merges into the open one;
 * acknowledge and resolve apply to the open alert of the same routing key and dedup key and are dropped otherwise
 * (PagerDuty still answers 202); after a resolve, the next trigger with that dedup key opens a new alert.
 */
export class AlertBook {
  private alerts: Alert[] = [];
  /** routing key + dedup key -> the open (triggered or acknowledged) alert. */
  private open = new Map<string, Alert>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Applies an accepted alert event (already validated) and says what it did. */
  apply(event: Record<string, unknown>, dedupKey: string): AlertEffect {
    const routingKey = text(event.routing_key);
    const slot = `${routingKey}\u0000${dedupKey}`;
    const current = this.open.get(slot);
    const at = new Date(this.now()).toISOString();
    switch (event.event_action) {
      case 'trigger': {
        if (current) {
          current.merged += 1;
          return 'merged';
        }
        const payload = isRecord(event.payload) ? event.payload : {};
        const alert: Alert = {
          id: this.nextId++,
          routingKey,
          dedup_key: dedupKey,
          status: 'triggered',
          summary: text(payload.summary),
          severity: text(payload.severity),
          merged: 0,
          created_at: at,
          acknowledged_at: null,
          resolved_at: null,
        };
        this.alerts.push(alert);
        this.open.set(slot, alert);
        return 'opened';
      }
      case 'acknowledge':
        if (!current) return 'dropped';
        current.status = 'acknowledged';
        current.acknowledged_at ??= at;
        return 'acknowledged';
      default:
        if (!current) return 'dropped';
        current.status = 'resolved';
        current.resolved_at = at;
        this.open.delete(slot);
        return 'resolved';
    }
  }

  list(): SimAlert[] {
    return this.alerts.map(({ routingKey, ...alert }) => ({ ...alert, routing_key_last4: routingKey.slice(-4) }));
  }

  clear() {
    this.alerts = [];
    this.open.clear();
  }
}
