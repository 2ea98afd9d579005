import { z } from './zod';
import { errorBodySchema, idParamsSchema } from './common';
import { deliveryEndpoints } from './delivery-endpoints';
import { createFlowRequestSchema, flowListSchema, flowSchema, updateFlowRequestSchema } from './flows';
import {
  channelListSchema,
  createIntegrationRequestSchema,
  integrationListSchema,
  integrationSchema,
  updateIntegrationRequestSchema,
} from './integrations';
import { actionNotificationSpecListSchema, integrationSpecListSchema } from './specifications';
import { testNotificationRequestSchema, testNotificationResponseSchema } from './test-notification';
import { notificationTokensSchema } from './tokens';
import { userSchema, type Role } from './users';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** Fastify-style path under the API origin, e.g. `/api/integrations/:id`. */
  path: string;
  summary: string;
  /** Minimum role; `null` = no token needed. */
  minRole: Role | null;
  params?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Query string parameters (values arrive as strings: coerce); a bad one is a 422 like a bad body. */
  query?: z.ZodMiniType;
  /** The success status and its body schema (`null` = no body). */
  success: { status: 200 | 201 | 202 | 204; schema: z.ZodMiniType | null };
  /** Error statuses this endpoint documents, besides 401/403/413/422. */
  errors?: readonly number[];
}

const healthSchema = z.object({ status: z.literal('ok') });

/** The generated OpenAPI 3 document (see `openapi.ts`); described loosely, it describes itself. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/**
 * Every endpoint of the API, once. The server registers its routes and validates with these
 * schemas, the client parses responses with them, and `/api/openapi.json` is generated from them.
 */
export const endpoints = {
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness',
    minRole: null,
    success: { status: 200, schema: healthSchema },
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This OpenAPI document, generated from the contract',
    minRole: null,
    success: { status: 200, schema: openApiDocumentSchema },
  },
  me: {
    method: 'GET',
    path: '/api/users/me',
    summary: 'The user of the bearer token',
    minRole: 'Member',
    success: { status: 200, schema: userSchema },
  },
  integrationSpecs: {
    method: 'GET',
    path: '/api/integrations-specifications',
    summary: 'Catalog of integration types and their properties',
    minRole: 'Manager',
    success: { status: 200, schema: integrationSpecListSchema },
  },
  listIntegrations: {
    method: 'GET',
    path: '/api/integrations',
    summary: 'Integrations, secrets omitted',
    minRole: 'Manager',
    success: { status: 200, schema: integrationListSchema },
  },
  createIntegration: {
    method: 'POST',
    path: '/api/integrations',
    summary: 'Create an integration; the Routing Key is validated with a PagerDuty change event first',
    minRole: 'Manager',
    body: createIntegrationRequestSchema,
    success: { status: 201, schema: integrationSchema },
    errors: [400, 409, 429, 502, 504],
  },
  getIntegration: {
    method: 'GET',
    path: '/api/integrations/:id',
    summary: 'One integration, secrets omitted',
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 200, schema: integrationSchema },
    errors: [404],
  },
  updateIntegration: {
    method: 'PUT',
    path: '/api/integrations/:id',
    summary:
      'Update an integration; a secret left out keeps the stored value, a new key is validated first. ' +
      'Send `If-Match: "<updated>"` (the ETag of the GET) to be refused with 409 instead of overwriting a newer save',
    minRole: 'Manager',
    params: idParamsSchema,
    body: updateIntegrationRequestSchema,
    success: { status: 200, schema: integrationSchema },
    errors: [400, 404, 409, 429, 502, 504],
  },
  deleteIntegration: {
    method: 'DELETE',
    path: '/api/integrations/:id',
    summary: 'Delete an integration; flow actions that reference it are kept',
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 204, schema: null },
    errors: [404],
  },
  listChannels: {
    method: 'GET',
    path: '/api/alerting/:type/list-channels',
    summary: 'Channels of an alerting integration ([] for PagerDuty)',
    minRole: 'Manager',
    params: z.object({ type: z.string() }),
    success: { status: 200, schema: channelListSchema },
    /** 404 unknown type; 409 a known type that is not connected (Slack, Microsoft Teams). */
    errors: [404, 409],
  },
  actionNotificationSpecs: {
    method: 'GET',
    path: '/api/action-notification-specifications',
    summary: 'Specifications of Flow action notifications',
    minRole: 'Manager',
    success: { status: 200, schema: actionNotificationSpecListSchema },
  },
  actionNotificationSpecsAlias: {
    method: 'GET',
    path: '/api/flows/actions/notification/specifications',
    summary: 'Alias of /api/action-notification-specifications readable by Members',
    minRole: 'Member',
    success: { status: 200, schema: actionNotificationSpecListSchema },
  },
  notificationTokens: {
    method: 'GET',
    path: '/api/flows/actions/notification/tokens',
    summary: 'Message tokens per trigger type',
    minRole: 'Member',
    success: { status: 200, schema: notificationTokensSchema },
  },
  testNotification: {
    method: 'POST',
    path: '/api/flows/actions/test-notification',
    summary: 'Send a test PagerDuty trigger event (creates a real incident)',
    minRole: 'Manager',
    body: testNotificationRequestSchema,
    success: { status: 200, schema: testNotificationResponseSchema },
    errors: [400, 404, 409, 429, 502, 504],
  },
  testNotificationAlias: {
    method: 'POST',
    path: '/api/flows/actions/notifications/test',
    summary: 'Alias of /api/flows/actions/test-notification',
    minRole: 'Manager',
    body: testNotificationRequestSchema,
    success: { status: 200, schema: testNotificationResponseSchema },
    errors: [400, 404, 409, 429, 502, 504],
  },
  listFlows: {
    method: 'GET',
    path: '/api/flows',
    summary: 'Flows',
    minRole: 'Member',
    success: { status: 200, schema: flowListSchema },
  },
  createFlow: {
    method: 'POST',
    path: '/api/flows',
    summary: 'Create a flow',
    minRole: 'Manager',
    body: createFlowRequestSchema,
    success: { status: 201, schema: flowSchema },
  },
  getFlow: {
    method: 'GET',
    path: '/api/flows/:id',
    summary: 'One flow',
    minRole: 'Member',
    params: idParamsSchema,
    success: { status: 200, schema: flowSchema },
    errors: [404],
  },
  updateFlow: {
    method: 'PUT',
    path: '/api/flows/:id',
    summary:
      'Update a flow; `actions` replaces the list, an action id keeps its stored override. ' +
      'Send `If-Match: "<updated>"` (the ETag of the GET) to be refused with 409 instead of overwriting a newer save',
    minRole: 'Manager',
    params: idParamsSchema,
    body: updateFlowRequestSchema,
    success: { status: 200, schema: flowSchema },
    errors: [404, 409],
  },
  deleteFlow: {
    method: 'DELETE',
    path: '/api/flows/:id',
    summary: 'Delete a flow',
    minRole: 'Manager',
    params: idParamsSchema,
    success: { status: 204, schema: null },
    errors: [404],
  },
  ...deliveryEndpoints,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** The body type a successful call of an endpoint returns. */
export type ResponseOf<N extends EndpointName> = (typeof endpoints)[N]['success']['schema'] extends z.ZodMiniType
  ? z.output<(typeof endpoints)[N]['success']['schema']>
  : undefined;

export { errorBodySchema };
