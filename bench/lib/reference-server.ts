import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

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

async function waitForHealth(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`reference server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`reference server did not become healthy within 60 s:\n${output()}`);
}

/** Starts `server/main.ts` with the node binary itself (not npx) so that killing the child stops the server. */
export async function startReferenceServer(staticDir: string, cwd: string): Promise<ReferenceServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'qualytics-bench-data-'));
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
      ADMIN_TOKEN: benchTokens.Admin,
      MANAGER_TOKEN: benchTokens.Manager,
      MEMBER_TOKEN: benchTokens.Member,
      LOG_LEVEL: 'warn',
      PAGERDUTY_TIMEOUT_MS: '3000',
      PAGERDUTY_RETRY_DELAY_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(origin, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }

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
