import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/api/contract';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import type { DeliveryOptions } from '../delivery/delivery-module';

export const TEST_TOKENS: Record<Role, string> = {
  Admin: 'test-admin-token-0123456789abcdef',
  Manager: 'test-manager-token-0123456789abcdef',
  Member: 'test-member-token-0123456789abcdef',
};

export const PUBLIC_URL = 'https://qualytics.test';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A well-formed PagerDuty routing key (32 alphanumerics, not a ruleset key), different every call. */
export function newRoutingKey(): string {
  const bytes = randomBytes(32);
  return 'k' + [...bytes.subarray(1)].map((b) => ALNUM[b % ALNUM.length]).join('');
}

/** Hands out fresh routing keys and remembers them, for the end-of-file scan for leaked secrets. */
export function routingKeyTracker() {
  const used: string[] = [];
  return {
    used,
    key() {
      const key = newRoutingKey();
      used.push(key);
      return key;
    },
  };
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'qualytics-server-test-'));

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the server sent
  body: any;
}

export interface RequestOptions {
  /** A role (its test token), a raw token string, or null for no Authorization header. */
  as?: Role | null;
  token?: string;
  body?: unknown;
  /** Sent as is, with Content-Type application/json unless `headers` says otherwise. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface SimEvent {
  id: number;
  endpoint: 'enqueue' | 'change';
  received_at: string;
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event as received
  body: any;
}

export interface TestServer {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  config: Config;
  /** Every log line written so far. */
  logs: string[];
  /** Every /api response body received so far. */
  responses: string[];
  api(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  sim: {
    events(): Promise<SimEvent[]>;
    reset(): Promise<void>;
    fault(kind: 'rate_limit' | 'server_error' | 'timeout' | 'malformed', count?: number): Promise<void>;
    revoke(routingKey: string): Promise<void>;
  };
  close(): Promise<void>;
}

/** A real server on a free port with a temp DATA_DIR, fixed tokens and short PagerDuty timings. */
export async function startTestServer(
  env: Record<string, string> = {},
  shared: { dataDir?: string; logs?: string[]; responses?: string[]; delivery?: DeliveryOptions } = {},
): Promise<TestServer> {
  const dataDir = shared.dataDir ?? tempDataDir();
  const logs = shared.logs ?? [];
  const responses = shared.responses ?? [];
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    PUBLIC_URL,
    STATIC_DIR: join(dataDir, 'no-spa'),
    ADMIN_TOKEN: TEST_TOKENS.Admin,
    MANAGER_TOKEN: TEST_TOKENS.Manager,
    MEMBER_TOKEN: TEST_TOKENS.Member,
    // Generous: a loaded CI machine must not turn a slow answer into a 504. Timeout tests set their own.
    PAGERDUTY_TIMEOUT_MS: '5000',
    PAGERDUTY_RETRY_DELAY_MS: '5',
    LOG_LEVEL: 'info',
    // Role tests send many wrong tokens on purpose; the guessing limit has its own test.
    AUTH_FAILURE_LIMIT: '100000',
    ...env,
  });
  const app = await buildApp(config, {
    logStream: { write: (line: string) => void logs.push(line) },
    ...(shared.delivery ? { delivery: shared.delivery } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  async function api(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    const token = options.token ?? (options.as === null ? undefined : TEST_TOKENS[options.as ?? 'Manager']);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    if (path.startsWith('/api')) responses.push(text);
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  const simUrl = `${url}/pagerduty-sim/_control`;
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(simUrl + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator control ${path}: ${response.status}`);
    return response.status === 204 ? null : ((await response.json()) as unknown);
  };

  return {
    app,
    url,
    dataDir,
    config,
    logs,
    responses,
    api,
    sim: {
      events: async () => (await control('GET', '/events')) as SimEvent[],
      reset: async () => void (await control('POST', '/reset')),
      fault: async (kind, count = 1) => void (await control('POST', '/faults', { kind, count })),
      revoke: async (routingKey) => void (await control('POST', '/revoke', { routing_key: routingKey })),
    },
    close: () => app.close(),
  };
}

/** The secrets a test used, found in any response body or log line. */
export function leakedSecrets(server: Pick<TestServer, 'logs' | 'responses'>, secrets: string[]): string[] {
  const haystacks = [...server.logs, ...server.responses];
  return secrets.filter((secret) => haystacks.some((text) => text.includes(secret)));
}
