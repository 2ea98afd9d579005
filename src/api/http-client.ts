import type { z } from './contract/zod';
import { apiErrorFromResponse, badResponseError, networkError } from './api-error';
import { takeEarlyResponse } from './early-responses';
import {
  endpoints,
  type BodyOf,
  type EndpointName,
  type ParamsOf,
  type QueryInputOf,
  type ResponseOf,
} from './contract';

interface RequestMeta {
  signal?: AbortSignal;
  /** Use this token instead of the session's, e.g. to check a token before signing in with it. */
  token?: string;
  /**
   * The `updated` of the version this write is based on, sent as `If-Match`: the server refuses the
   * write with a 409 when someone else saved in between, instead of silently overwriting their change.
   */
  ifMatch?: string;
}

/** What a call of endpoint `N` sends: its path parameters and body exactly when the contract has them. */
export type ApiRequestOptions<N extends EndpointName> = RequestMeta &
  (ParamsOf<N> extends undefined ? { params?: undefined } : { params: ParamsOf<N> }) &
  (BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> }) &
  (QueryInputOf<N> extends undefined ? { query?: undefined } : { query?: QueryInputOf<N> });

/** The options may be left out only when the endpoint needs neither parameters nor a body. */
type OptionsArgument<N extends EndpointName> =
  object extends ApiRequestOptions<N> ? [options?: ApiRequestOptions<N>] : [options: ApiRequestOptions<N>];

interface AuthHooks {
  getToken(): string | null;
  /** Called when the server rejects the session's token. */
  onUnauthorized(): void;
}

// The session lives in shared/session; api/ imports nothing of the UI, so the session plugs itself in here.
let auth: AuthHooks = { getToken: () => null, onUnauthorized: () => undefined };

export function configureAuth(hooks: AuthHooks): void {
  auth = hooks;
}

/** `/api/integrations/:id` + `{ id: 5 }` -> `/api/integrations/5` */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** `{ status: 'failed', limit: 50, flow_id: undefined }` -> `?status=failed&limit=50` (unset values left out). */
export function buildQueryString(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The one fetch wrapper of the app: method and path from the contract's endpoint table, the bearer
 * token from the session, every failure turned into an ApiError, every success parsed by the contract.
 */
export async function apiRequest<N extends EndpointName>(
  name: N,
  ...[options = {} as ApiRequestOptions<N>]: OptionsArgument<N>
): Promise<ResponseOf<N>> {
  const endpoint = endpoints[name];
  const url =
    buildPath(endpoint.path, options.params as Record<string, string | number> | undefined) +
    buildQueryString(options.query as object | undefined);
  const token = options.token ?? auth.getToken();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = `"${options.ifMatch}"`;

  const send = () =>
    fetch(url, {
      method: endpoint.method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  // A first read of the route may already be on its way (the route preload in index.html): the same request, asked
  // earlier.
  const early =
    endpoint.method === 'GET' && options.token === undefined && token ? takeEarlyResponse(url, token) : null;

  let response: Response;
  try {
    response = early ? await early.catch(send) : await send();
  } catch (error) {
    if (isAbort(error) || options.signal?.aborted) throw error;
    throw networkError();
  }

  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    if (error.kind === 'unauthorized' && options.token === undefined && token) auth.onUnauthorized();
    throw error;
  }

  const schema: z.ZodMiniType | null = endpoint.success.schema;
  if (schema === null) return undefined as ResponseOf<N>;

  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (isAbort(error) || options.signal?.aborted) throw error;
    throw badResponseError(response.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badResponseError(response.status);
  return parsed.data as ResponseOf<N>;
}
