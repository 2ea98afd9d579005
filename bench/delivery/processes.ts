/**
 * The processes of the delivery section: the PagerDuty simulator on its own port (`server/simulator/main.ts`) and the
 * reference server pointed at it through `PAGERDUTY_EVENTS_URL`. Both on loopback, both stopped by their handles.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnReferenceServer } from '../../scripts/reference-server-process';
import { benchTokens } from '../lib/reference-server';

/** Stops of every process started here and not stopped yet, for the bench's SIGINT / SIGTERM handler. */
const running = new Set<() => Promise<void>>();

/** Registers `stop` until it has run once; returns the wrapped stop. */
export function tracked(stop: () => Promise<void>): () => Promise<void> {
  const once = async () => {
    running.delete(once);
    await stop();
  };
  running.add(once);
  return once;
}

export async function stopRunning() {
  await Promise.all([...running].map((stop) => stop()));
}

export interface SimEvent {
  id: number;
  endpoint: 'enqueue' | 'change';
  received_at: string;
  status: number;
  body: { routing_key?: string; dedup_key?: string; event_action?: string } & Record<string, unknown>;
}

export interface Simulator {
  /** Base URL for `PAGERDUTY_EVENTS_URL`; events go to `<base>/v2/enqueue`. */
  base: string;
  events(): Promise<SimEvent[]>;
  /** Forgets events and the per-key rate windows, so each measurement starts from an empty minute. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // Not answering yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

export async function startSimulator(cwd: string): Promise<Simulator> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/simulator/main.ts'], {
    cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const base = `http://127.0.0.1:${port}/pagerduty-sim`;
  const stop = tracked(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  try {
    await waitFor(
      async () => (await fetch(`${base}/_control/events`, { signal: AbortSignal.timeout(2_000) })).ok,
      60_000,
      'the PagerDuty simulator',
    );
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${stderr}`);
  }
  return {
    base,
    events: async () => (await (await fetch(`${base}/_control/events`)).json()) as SimEvent[],
    reset: async () => {
      await fetch(`${base}/_control/reset`, { method: 'POST' });
    },
    stop,
  };
}

export interface DeliveryServer {
  origin: string;
  /** A Manager's bearer token, for callers with their own HTTP client. */
  token: string;
  dataDir: string;
  api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Stops the server; the data dir stays until `dispose()`, so a later start can reuse it. */
  stop(): Promise<void>;
}

/** The reference server on `dataDir` (a fresh temp dir when omitted), sending to `eventsUrl`. */
export async function startDeliveryServer(
  cwd: string,
  options: { eventsUrl: string; dataDir: string; concurrency: number; env?: Record<string, string> },
): Promise<DeliveryServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await spawnReferenceServer({
    port,
    cwd,
    env: {
      PUBLIC_URL: origin,
      DATA_DIR: options.dataDir,
      STATIC_DIR: join(options.dataDir, 'no-static'),
      ADMIN_TOKEN: benchTokens.Admin,
      MANAGER_TOKEN: benchTokens.Manager,
      MEMBER_TOKEN: benchTokens.Member,
      PAGERDUTY_EVENTS_URL: options.eventsUrl,
      PAGERDUTY_TIMEOUT_MS: '5000',
      DELIVERY_CONCURRENCY: String(options.concurrency),
      // The server refuses more than 120 a minute per key (PagerDuty's limit); the bench spreads keys instead.
      DELIVERY_PACE_PER_MINUTE: '100',
      ...options.env,
    },
  });
  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${benchTokens.Manager}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { origin, token: benchTokens.Manager, dataDir: options.dataDir, api, stop: tracked(() => server.stop()) };
}

export const makeDataDir = () => mkdtemp(join(tmpdir(), 'qualytics-bench-delivery-'));
export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/** A routing key the simulator accepts (32 alphanumerics), distinct per index. */
export const routingKeyOf = (prefix: string, index: number) =>
  `${prefix}${String(index).padStart(4, '0')}`.padEnd(32, 'x').slice(0, 32);

/** Runs `task` over `items` with at most `limit` in flight. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
