import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnReferenceServer, type ReferenceServerProcess } from '../../scripts/reference-server-process';

/** Fixed tokens for the bench run only; the server is local, short-lived and bound to 127.0.0.1. */
export const benchTokens = {
  Admin: 'bench-admin-token-0123456789abcdef',
  Manager: 'bench-manager-token-0123456789abcdef',
  Member: 'bench-member-token-0123456789abcdef',
} as const;

export interface ReferenceServer {
  origin: string;
  /** A call to the API as the Admin; throws with the status when it fails. */
  api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` on a free port with a fresh data dir, which `stop()` deletes once the server has exited. */
export async function startReferenceServer(staticDir: string, cwd: string): Promise<ReferenceServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'qualytics-bench-data-'));
  const origin = `http://127.0.0.1:${port}`;
  let server: ReferenceServerProcess;
  try {
    server = await spawnReferenceServer({
      port,
      cwd,
      env: {
        PUBLIC_URL: origin,
        DATA_DIR: dataDir,
        STATIC_DIR: staticDir,
        ADMIN_TOKEN: benchTokens.Admin,
        MANAGER_TOKEN: benchTokens.Manager,
        MEMBER_TOKEN: benchTokens.Member,
        PAGERDUTY_TIMEOUT_MS: '3000',
        PAGERDUTY_RETRY_DELAY_MS: '100',
      },
    });
  } catch (error) {
    // The helper has already stopped the process; only the data dir is left.
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };

  const api = async <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${benchTokens.Admin}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    // The body of a failure may quote the request; it never holds the routing key in clear (server rule).
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  return { origin, api, stop };
}

/** A routing key the built-in PagerDuty simulator accepts: 32 alphanumerics. */
export const benchRoutingKey = 'benchR0ut1ngK3y'.repeat(3).slice(0, 32);

/** A flow with one PagerDuty action, for the flow editor. */
export async function seedFlow(server: ReferenceServer): Promise<number> {
  const flow = await server.api<{ id: number }>('POST', '/api/flows', {
    name: 'Bench anomalies',
    trigger_type: 'anomaly',
    actions: [
      {
        type: 'PagerDuty',
        tokenized_message: 'Anomaly in {{ datastore_name }}',
        parameters: { severity: 'error', custom_details: { team: 'data' } },
      },
    ],
  });
  return flow.id;
}

/** The PagerDuty integration's id, connecting it through the API when the wizard visit has not done so already. */
export async function ensurePagerDuty(server: ReferenceServer): Promise<number> {
  const existing = await server.api<{ id: number; type: string }[]>('GET', '/api/integrations');
  const found = existing.find((integration) => integration.type === 'pagerduty');
  if (found) return found.id;
  const created = await server.api<{ id: number }>('POST', '/api/integrations', {
    type: 'pagerduty',
    api_access_token: benchRoutingKey,
  });
  return created.id;
}
