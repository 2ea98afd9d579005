import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { OutageRequest, OutageStatus, RecordedEvent, SimAlert } from '../simulator/simulator-types';

const repoRoot = join(import.meta.dirname, '..', '..');

export interface SimulatorProcess {
  child: ChildProcess;
  /** What PAGERDUTY_EVENTS_URL points at. */
  url: string;
  events(): Promise<RecordedEvent[]>;
  alerts(): Promise<SimAlert[]>;
  outage(request: OutageRequest): Promise<OutageStatus>;
  outageStatus(): Promise<OutageStatus>;
  endOutage(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The PagerDuty simulator (`server/simulator/main.ts`) as a process of its own, on loopback: a server pointed at it
 * can be killed and restarted while the simulator keeps what it received.
 */
export async function spawnSimulator(port: number, timeoutMs = 20_000): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/simulator/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: string) => void (output = (output + chunk).slice(-4000));
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  child.once('error', (error) => keep(String(error)));

  const url = `http://127.0.0.1:${port}/pagerduty-sim`;
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}/_control${path}`, {
      method,
      signal: AbortSignal.timeout(5_000),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status}`);
    return response.status === 204 ? null : ((await response.json()) as unknown);
  };
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (exited()) return;
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await done;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error(`simulator exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    try {
      await control('GET', '/outage');
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`simulator did not answer within ${timeoutMs / 1000} s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    child,
    url,
    events: async () => (await control('GET', '/events')) as RecordedEvent[],
    alerts: async () => (await control('GET', '/alerts')) as SimAlert[],
    outage: async (request) => (await control('POST', '/outage', request)) as OutageStatus,
    outageStatus: async () => (await control('GET', '/outage')) as OutageStatus,
    endOutage: async () => void (await control('DELETE', '/outage')),
    stop,
  };
}
