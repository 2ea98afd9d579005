import type { ErrorObject } from 'ajv';
import type { RecordedEvent } from '../../server/simulator/simulator-types';
import { eventsV2Validators } from '../../server/test-support/events-v2-schema';
import { e2eEnv } from '../fixtures';

/** One request the PagerDuty simulator received, with the endpoint it hit (the shared fixture drops it). */
export type SimulatorRecord = Omit<RecordedEvent, 'body'> & {
  body: Record<string, unknown> & { routing_key?: string; payload?: Record<string, unknown> };
};

export async function simulatorRecords(): Promise<SimulatorRecord[]> {
  const response = await fetch(`${e2eEnv.baseURL}/pagerduty-sim/_control/events`);
  if (!response.ok) throw new Error(`simulator events -> ${response.status}`);
  return (await response.json()) as SimulatorRecord[];
}

// PagerDuty's own OpenAPI document for the Events API v2, through the one Ajv setup the server tests use.
const validateEnqueue = eventsV2Validators().trigger;

/** Errors of a trigger body against PagerDuty's published schema; empty when it conforms. */
export function pagerDutySchemaErrors(body: unknown): ErrorObject[] {
  return validateEnqueue(body) ? [] : [...(validateEnqueue.errors ?? [])];
}
