import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { RecordedEvent } from '../../server/simulator/simulator-types';
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

type OpenApi = {
  paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: object } } } } }>;
  components: object;
};

// PagerDuty's own OpenAPI document for the Events API v2, copied into the server by the server engineer.
const openApi = JSON.parse(
  readFileSync(new URL('../../server/pagerduty/events-v2.openapi.json', import.meta.url), 'utf8'),
) as OpenApi;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
// ajv-formats' "url" rejects private addresses such as 127.0.0.1, where the e2e server lives; PagerDuty's schema
// means an http(s) URL, so check exactly that.
ajv.addFormat('url', (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
});
const enqueueBody = openApi.paths['/enqueue']?.post.requestBody.content['application/json'].schema;
const validateEnqueue = ajv.compile({ ...enqueueBody, components: openApi.components });

/** Errors of a trigger body against PagerDuty's published schema; empty when it conforms. */
export function pagerDutySchemaErrors(body: unknown): ErrorObject[] {
  return validateEnqueue(body) ? [] : [...(validateEnqueue.errors ?? [])];
}
