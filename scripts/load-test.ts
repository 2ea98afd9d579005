/**
 * Bounded load test on loopback (`npm run test:load`): the real server in its own process, 200 connections reading
 * and 50 creating and updating flows for 30 s, then every acknowledged write is read back and test notifications are
 * checked for their per-user 429. Prints p99 latency and a final "N passed, N failed" line; exits 1 on any failure.
 *
 * Environment: LOAD_DURATION (seconds, default 30), LOAD_READERS (200), LOAD_WRITERS (50) to shorten a smoke run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnReferenceServer } from './reference-server-process';

const duration = Number(process.env.LOAD_DURATION ?? 30);
const readers = Number(process.env.LOAD_READERS ?? 200);
const writers = Number(process.env.LOAD_WRITERS ?? 50);
const testLimit = 5;
const tokens = {
  Admin: 'load-admin-token-0123456789abcdef',
  Manager: 'load-manager-token-0123456789abcdef',
} as const;

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail = '') {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

/** The server with the load test's tokens and a low test-notification limit, its own data dir and no SPA. */
async function startServer(port: number, dataDir: string) {
  const server = await spawnReferenceServer({
    port,
    timeoutMs: 30_000,
    env: {
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-spa'),
      ADMIN_TOKEN: tokens.Admin,
      MANAGER_TOKEN: tokens.Manager,
      MEMBER_TOKEN: 'load-member-token-0123456789abcdef',
      TEST_NOTIFICATION_LIMIT: String(testLimit),
    },
  });
  // The server's warnings and errors show in this terminal as they come; the helper also keeps them for a failed start.
  server.child.stderr?.pipe(process.stderr, { end: false });
  return server;
}

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const routingKey = () =>
  'k' + Array.from({ length: 31 }, () => alnum[Math.floor(Math.random() * alnum.length)]).join('');

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'qualytics-load-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDir);
  const auth = (role: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[role]}` });
  const api = async (method: string, path: string, body?: unknown, role: keyof typeof tokens = 'Manager') => {
    const response = await fetch(base + path, {
      method,
      headers: { ...auth(role), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
  };

  try {
    await api('POST', '/api/integrations', { type: 'pagerduty', api_access_token: routingKey() });
    for (let i = 0; i < 20; i += 1) {
      await api('POST', '/api/flows', { name: `Seed ${i}`, trigger_type: 'anomaly', actions: [] });
    }

    /**
     * The last write each flow had acknowledged, as the server answered it: the state it must be in afterwards. Each
     * connection writes one flow at a time in sequence, so the last answer it receives for a flow is its final state.
     */
    const acknowledged = new Map<number, { name: string; message: string }>();
    const sentNames = new Set<string>();
    let ackCount = 0;
    let writeSerial = 0;
    const headers = { ...auth('Manager'), 'content-type': 'application/json' };
    const flowBody = () => {
      const name = `Load ${(writeSerial += 1)}`;
      sentNames.add(name);
      return JSON.stringify({
        name,
        trigger_type: 'anomaly',
        actions: [{ type: 'PagerDuty', tokenized_message: `${name} message`, parameters: { severity: 'warning' } }],
      });
    };
    const recordAck = (status: number, text: string, context: Record<string, unknown>) => {
      if (status !== 200 && status !== 201) return;
      const flow = JSON.parse(text) as { id: number; name: string; actions: { tokenized_message: string }[] };
      // Answered with what was sent, or it does not count as acknowledged (and the read-back will say so).
      if (!sentNames.has(flow.name)) return;
      context.id = flow.id;
      acknowledged.set(flow.id, { name: flow.name, message: flow.actions[0]?.tokenized_message ?? '' });
      ackCount += 1;
    };
    // Each connection creates a flow, then updates it 39 times (autocannon keeps `context` for one pass over the
    // list), then starts a new one: creation stays in the mix while the list keeps a realistic size.
    const create: AutocannonRequest = {
      method: 'POST',
      path: '/api/flows',
      headers,
      setupRequest: (request) => ({ ...request, body: flowBody() }),
      onResponse: recordAck,
    };
    const update: AutocannonRequest = {
      method: 'PUT',
      headers,
      setupRequest: (request, context) => ({
        ...request,
        path: `/api/flows/${context.id as number}`,
        body: flowBody(),
      }),
      onResponse: recordAck,
    };

    console.log(`load: ${readers} readers and ${writers} writers for ${duration} s against ${base}`);
    const [reads, writes] = await Promise.all([
      autocannon({
        url: base,
        connections: readers,
        duration,
        headers: auth('Manager'),
        requests: [
          { method: 'GET', path: '/api/flows' },
          { method: 'GET', path: '/api/integrations' },
          { method: 'GET', path: '/api/flows/1' },
        ],
      }),
      autocannon({
        url: base,
        connections: writers,
        duration,
        requests: [create, ...Array.from({ length: 39 }, () => update)],
      }),
    ]);

    for (const [label, result] of [
      ['reads', reads],
      ['writes', writes],
    ] as const) {
      console.log(
        `${label}: ${result.requests.total} requests, ${result.requests.average}/s, latency p50 ${result.latency.p50} ms, ` +
          `p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      );
      check(`${label}: requests were served`, result.requests.total > 0, `${result.requests.total}`);
      check(`${label}: no errors or timeouts`, result.errors === 0 && result.timeouts === 0, `${result.errors} errors`);
      const statuses = Object.entries(result.statusCodeStats ?? {})
        .map(([code, { count }]) => `${code}: ${count}`)
        .join(', ');
      check(`${label}: every answer 2xx`, result.non2xx === 0, `${result.non2xx} non-2xx; ${statuses}`);
    }

    const flows = (await api('GET', '/api/flows')).body as {
      id: number;
      name: string;
      actions: { tokenized_message: string }[];
    }[];
    const byId = new Map(flows.map((f) => [f.id, f]));
    // The flow holds the last acknowledged write, or a later one whose answer the run's end cut off; never older.
    const serial = (name: string) => Number(/^Load (\d+)$/.exec(name)?.[1] ?? -1);
    const lost = [...acknowledged].filter(([id, expected]) => {
      const flow = byId.get(id);
      if (!flow || !sentNames.has(flow.name) || serial(flow.name) < serial(expected.name)) return true;
      return flow.actions[0]?.tokenized_message !== `${flow.name} message`;
    });
    check(
      'every acknowledged write is read back',
      lost.length === 0 && ackCount > 0,
      `${ackCount} writes acknowledged on ${acknowledged.size} flows, ${lost.length} lost`,
    );

    // Test notifications: a clear 429 past the per-user limit, and the limit is per user.
    const test = { type: 'PagerDuty', tokenized_message: 'Load test {{ flow_name }}', parameters: {} };
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof api>> | null = null;
    for (let i = 0; i <= testLimit; i += 1) {
      const response = await api('POST', '/api/flows/actions/test-notification', test);
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
    }
    check(
      `test notifications: ${testLimit} accepted, then 429`,
      statuses.slice(0, testLimit).every((s) => s === 200) && statuses[testLimit] === 429,
      statuses.join(','),
    );
    const detail = (refusal?.body as { detail?: unknown } | null)?.detail;
    check(
      'the 429 says why and when to retry',
      typeof detail === 'string' && detail.length > 10 && Number(refusal?.headers.get('retry-after')) > 0,
      `${String(detail)}; Retry-After ${refusal?.headers.get('retry-after')}`,
    );
    const other = await api('POST', '/api/flows/actions/test-notification', test, 'Admin');
    check('another user is not limited by it', other.status === 200, `${other.status}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`${checks.filter((c) => c.ok).length} passed, ${checks.filter((c) => !c.ok).length + 1} failed`);
  process.exitCode = 1;
});
