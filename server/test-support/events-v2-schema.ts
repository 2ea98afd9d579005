import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/**
 * Validators for the request bodies of PagerDuty's official Events API v2 OpenAPI document
 * (a copy kept in this folder, from PagerDuty/api-schema), for tests of what the server sends.
 */
export function eventsV2Validators(): { trigger: ValidateFunction; change: ValidateFunction } {
  const document = JSON.parse(
    readFileSync(new URL('../integrations/pagerduty/events-v2.openapi.json', import.meta.url), 'utf8'),
  ) as object;
  // The document is OpenAPI, not pure JSON Schema: ignore its extra keywords (x-examples, example).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // PagerDuty's document uses `format: url`, which is not a JSON Schema format.
  ajv.addFormat('url', (value: string) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  });
  ajv.addSchema(document, 'events-v2');
  const body = (path: string) =>
    ajv.getSchema(`events-v2#/paths/${path.replace(/\//g, '~1')}/post/requestBody/content/application~1json/schema`)!;
  return { trigger: body('/enqueue'), change: body('/change/enqueue') };
}
