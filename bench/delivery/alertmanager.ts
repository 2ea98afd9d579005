/**
 * Prometheus Alertmanager (Debian's `prometheus-alertmanager`, 0.25) as the peer of the outbox: installed in the
 * bench's own setup when missing and possible (root + apt-get), run on loopback with a temp config and storage, and
 * stopped after. Each of 100 routing keys is a receiver, as the outbox's 100 flows are, so PagerDuty's 120/min per key
 * is not what either side measures.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../scripts/reference-server-process';
import { tracked } from './processes';

const run = promisify(execFile);
const binary = '/usr/bin/prometheus-alertmanager';

/** The binary, installing the Debian package first when it is missing and this process may; else why not. */
export async function ensureAlertmanager(log: (line: string) => void): Promise<{ binary: string } | { skip: string }> {
  if (existsSync(binary)) return { binary };
  if (process.getuid?.() !== 0) return { skip: 'prometheus-alertmanager is not installed and the bench is not root' };
  log('  installing prometheus-alertmanager (apt-get) ...');
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus-alertmanager'], {
      env,
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    return { skip: `apt-get install prometheus-alertmanager failed: ${String(error).slice(0, 200)}` };
  }
  // The package's service may have been started by the install; the bench runs its own copy on its own ports.
  await run('systemctl', ['stop', 'prometheus-alertmanager']).catch(() => undefined);
  return existsSync(binary) ? { binary } : { skip: 'prometheus-alertmanager installed but not found at ' + binary };
}

export interface Alertmanager {
  version: string;
  /** Posts the alerts in one `POST /api/v2/alerts`. */
  post(alerts: { labels: Record<string, string> }[]): Promise<void>;
  stop(): Promise<void>;
}

function configYaml(keys: readonly string[], enqueueUrl: string): string {
  const routes = keys.map((_key, i) => `    - receiver: pd-${i}\n      matchers: ['bench_key="${i}"']`).join('\n');
  const receivers = keys
    .map(
      (key, i) =>
        `  - name: pd-${i}\n    pagerduty_configs:\n      - routing_key: '${key}'\n        url: '${enqueueUrl}'\n        send_resolved: false`,
    )
    .join('\n');
  return `route:
  receiver: pd-0
  group_by: ['...']
  group_wait: 100ms
  group_interval: 1m
  repeat_interval: 4h
  routes:
${routes}
receivers:
${receivers}
`;
}

export async function startAlertmanager(
  executable: string,
  keys: readonly string[],
  enqueueUrl: string,
): Promise<Alertmanager> {
  const dir = await mkdtemp(join(tmpdir(), 'qualytics-bench-alertmanager-'));
  const config = join(dir, 'alertmanager.yml');
  await writeFile(config, configYaml(keys, enqueueUrl));
  const { stdout, stderr } = await run(executable, ['--version']).catch(() => ({ stdout: '', stderr: '' }));
  const version = /version ([\d.]+)/.exec(`${stdout}${stderr}`)?.[1] ?? 'unknown';
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    executable,
    [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip: one node, and no port opened beyond loopback's web one.
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-4000)));
  const stop = tracked(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`alertmanager exited with ${child.exitCode}: ${output}`);
    }
    try {
      if ((await fetch(`${origin}/-/ready`, { signal: AbortSignal.timeout(1_000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`alertmanager did not become ready: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    version,
    post: async (alerts) => {
      const response = await fetch(`${origin}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok) throw new Error(`alertmanager POST /api/v2/alerts -> ${response.status}`);
    },
    stop,
  };
}
