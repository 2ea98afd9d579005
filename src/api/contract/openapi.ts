import { z } from './zod';
import { errorBodySchema } from './common';
import { endpoints, type Endpoint } from './endpoints';

const toSchema = (schema: z.core.$ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request, or PagerDuty refused the Routing Key or event',
  401: 'Missing or unknown bearer token',
  403: 'Role too low',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body over 1 MB',
  422: 'Validation error',
  429: 'Rate limited',
  502: 'PagerDuty unreachable or failing',
  504: 'PagerDuty did not answer in time',
};

/** `/api/integrations/:id` -> `/api/integrations/{id}` */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function operation(name: string, ep: Endpoint) {
  const errorStatuses = new Set<number>([...(ep.errors ?? []), 422]);
  if (ep.minRole) {
    errorStatuses.add(401);
    errorStatuses.add(403);
  }
  if (ep.body) errorStatuses.add(413);
  const errorJson = toSchema(errorBodySchema, 'output');
  const responses: Record<string, unknown> = {
    [ep.success.status]: ep.success.schema
      ? { description: 'Success', content: { 'application/json': { schema: toSchema(ep.success.schema, 'output') } } }
      : { description: 'No Content' },
  };
  for (const status of [...errorStatuses].sort()) {
    responses[status] = {
      description: errorDescriptions[status] ?? 'Error',
      content: { 'application/json': { schema: errorJson } },
    };
  }
  const pathParams = [...ep.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const query = ep.query ? (toSchema(ep.query, 'input') as { properties?: Record<string, unknown> }) : null;
  const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
  return {
    operationId: name,
    summary: ep.summary,
    ...(ep.minRole ? { security: [{ bearer: [] }], 'x-min-role': ep.minRole } : { security: [] }),
    parameters: [
      ...pathParams.map((p) => ({
        name: p,
        in: 'path',
        required: true,
        schema: p === 'id' ? { type: 'integer', minimum: 1 } : { type: 'string' },
      })),
      ...queryParams,
    ],
    ...(ep.body
      ? {
          requestBody: {
            required: !ep.body.safeParse(undefined).success,
            content: { 'application/json': { schema: toSchema(ep.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3 document of the API, generated from the endpoint table. */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, ep] of Object.entries(endpoints) as [string, Endpoint][]) {
    const p = openApiPath(ep.path);
    paths[p] ??= {};
    paths[p][ep.method.toLowerCase()] = operation(name, ep);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Qualytics integrations API (PagerDuty)',
      version: '1.0.0',
      description: 'Integrations, flow action notifications and test notifications. Roles: Admin > Manager > Member.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
