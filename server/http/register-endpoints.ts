import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  endpoints,
  roleRank,
  type Endpoint,
  type EndpointName,
  type ResponseOf,
  type Role,
  type User,
} from '../../src/api/contract';
import type { z } from '../../src/api/contract/zod';
import { HttpError, validationError, zodIssues } from './http-error';
import type { FailureLimiter } from './rate-limiter';
import './zod-messages';

type Ep<N extends EndpointName> = (typeof endpoints)[N];
type ParamsOf<N extends EndpointName> = Ep<N> extends { params: z.ZodMiniType } ? z.output<Ep<N>['params']> : undefined;
type BodyOf<N extends EndpointName> = Ep<N> extends { body: z.ZodMiniType } ? z.output<Ep<N>['body']> : undefined;
type QueryOf<N extends EndpointName> = Ep<N> extends { query: z.ZodMiniType } ? z.output<Ep<N>['query']> : undefined;

export interface HandlerContext<N extends EndpointName> {
  params: ParamsOf<N>;
  body: BodyOf<N>;
  query: QueryOf<N>;
  /** The caller; `null` only on endpoints that need no token. */
  user: User | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type Handlers = {
  [N in EndpointName]: (ctx: HandlerContext<N>) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

export interface Auth {
  authenticate(token: string): User | null;
  /** Wrong tokens per client address; over the limit, every token from there waits (guessing protection). */
  failures: FailureLimiter;
}

const bearer = (header: string | undefined) => {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
};

/** The caller of a protected endpoint, or the 429/401/403 that stops it. */
function authorize(request: FastifyRequest, minRole: Role, auth: Auth): User {
  const token = bearer(request.headers.authorization);
  let user: User | null = null;
  if (token) {
    const wait = auth.failures.retryAfter(request.ip);
    if (wait) {
      throw new HttpError(
        429,
        { detail: `Too many wrong API tokens from this address. Try again in ${wait} seconds.`, retry_after: wait },
        { 'Retry-After': String(wait) },
      );
    }
    user = auth.authenticate(token);
    if (!user) auth.failures.record(request.ip);
  }
  if (!user) throw new HttpError(401, { detail: 'Not authenticated' }, { 'WWW-Authenticate': 'Bearer' });
  if (roleRank[user.role] < roleRank[minRole]) throw new HttpError(403, { detail: `${minRole} permission required` });
  return user;
}

/**
 * Registers every row of the contract's endpoint table: token -> role -> params -> body, then the
 * handler. The role is checked before any lookup so a low role learns nothing about what exists.
 * Answers go through the success schema, so drift between handler and contract fails loudly.
 */
export function registerEndpoints(app: FastifyInstance, handlers: Handlers, auth: Auth) {
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const handler = handlers[name] as (ctx: HandlerContext<EndpointName>) => Promise<unknown> | unknown;
    app.route({
      method: endpoint.method,
      url: endpoint.path,
      handler: async (request, reply) => {
        const user = endpoint.minRole ? authorize(request, endpoint.minRole, auth) : null;
        const params = parse('path', endpoint.params, request.params);
        const query = parse('query', endpoint.query, request.query);
        const body = parse('body', endpoint.body, request.body);
        const result = await handler({ params, body, query, user, request, reply } as HandlerContext<EndpointName>);
        reply.code(endpoint.success.status);
        if (!endpoint.success.schema) return reply.send();
        const checked = endpoint.success.schema.safeParse(result);
        if (!checked.success) {
          request.log.error(
            { endpoint: name, issues: checked.error.issues.map((i) => i.path.join('.')) },
            'contract drift',
          );
          throw new HttpError(500, { detail: 'The server produced a response that does not match its contract.' });
        }
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(checked.data));
      },
    });
  }
}

function parse(where: 'body' | 'path' | 'query', schema: z.ZodMiniType | undefined, input: unknown): never {
  if (!schema) return undefined as never;
  // A body schema with a default (e.g. running a flow) makes the body optional.
  if (where === 'body' && input === undefined && !schema.safeParse(undefined).success) {
    throw validationError([{ loc: ['body'], msg: 'A JSON request body is required', type: 'missing' }]);
  }
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(zodIssues(where, result.error));
  return result.data as never;
}
