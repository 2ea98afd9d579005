import { isRecord } from '../json-utils';
import { routingKeyErrors } from '../integrations/pagerduty/routing-key';
import type { SimEndpoint } from './simulator-types';

/*
 * The checks PagerDuty's Events API v2 applies, with its own wording where it is known
 * (routing key texts quoted from the real service), so clients meet the same answers here.
 */

const SEVERITIES = ['critical', 'error', 'warning', 'info'];
const ACTIONS = ['trigger', 'acknowledge', 'resolve'];
export const MAX_EVENT_BYTES = 512 * 1024;

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function linkErrors(event: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (event.links !== undefined) {
    if (!Array.isArray(event.links)) errors.push("'links' must be an array");
    else if (event.links.some((l) => !isRecord(l) || blank(l.href))) errors.push("'links[].href' is missing or blank");
  }
  if (event.images !== undefined) {
    if (!Array.isArray(event.images)) errors.push("'images' must be an array");
    else if (event.images.some((i) => !isRecord(i) || blank(i.src))) errors.push("'images[].src' is missing or blank");
  }
  return errors;
}

function payloadErrors(payload: unknown, withSeverity: boolean): string[] {
  if (!isRecord(payload)) return ["'payload' is missing or not an object"];
  const errors: string[] = [];
  if (blank(payload.summary)) errors.push("'payload.summary' is missing or blank");
  else if ((payload.summary as string).length > 1024) errors.push("'payload.summary' must be at most 1024 characters");
  if (withSeverity) {
    if (blank(payload.source)) errors.push("'payload.source' is missing or blank");
    if (!SEVERITIES.includes(payload.severity as string)) {
      errors.push("'payload.severity' is invalid (must be one of critical, error, warning, info)");
    }
  }
  if (
    payload.timestamp !== undefined &&
    (typeof payload.timestamp !== 'string' || isNaN(Date.parse(payload.timestamp)))
  ) {
    errors.push("'payload.timestamp' is not a valid ISO 8601 timestamp");
  }
  if (
    payload.custom_details !== undefined &&
    !isRecord(payload.custom_details) &&
    typeof payload.custom_details !== 'string'
  ) {
    errors.push("'payload.custom_details' must be an object");
  }
  return errors;
}

/** Structural errors of an event other than the routing key (which is checked first). */
export function eventErrors(endpoint: SimEndpoint, event: unknown, rawBytes: number): string[] {
  if (rawBytes > MAX_EVENT_BYTES) return ['Event object is too large (the limit is 512 KB)'];
  if (!isRecord(event)) return ['Event object format is unrecognized'];
  const keyErrors = routingKeyErrors(event.routing_key);
  if (keyErrors.length) return keyErrors;
  if (endpoint === 'change') {
    if ((event.routing_key as string).startsWith('R')) {
      return ['Change events cannot be sent to a ruleset routing key; use an Events API v2 integration key'];
    }
    return [...payloadErrors(event.payload, false), ...linkErrors(event)];
  }
  const errors: string[] = [];
  if (!ACTIONS.includes(event.event_action as string)) {
    errors.push("'event_action' is invalid (must be one of trigger, acknowledge, resolve)");
  }
  if (event.dedup_key !== undefined) {
    if (typeof event.dedup_key !== 'string') errors.push("'dedup_key' must be a string");
    else if (event.dedup_key.length > 255) errors.push("'dedup_key' must be at most 255 characters");
  } else if (event.event_action === 'acknowledge' || event.event_action === 'resolve') {
    errors.push("'dedup_key' is required for acknowledge and resolve events");
  }
  if (event.event_action === 'trigger' || event.payload !== undefined) {
    errors.push(...payloadErrors(event.payload, true));
  }
  return [...errors, ...linkErrors(event)];
}
