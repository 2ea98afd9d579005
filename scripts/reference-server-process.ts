/**
 * The reference server (`server/main.ts`) as a child process, for the bench, the load test and the crash test: one
 * place that starts it, waits until it answers and stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root: `server/main.ts` and the `tsx` package are resolved from there. */
const repoRoot = join(import.meta.dirname, '..');

/** How much of the server's stdout + stderr is kept to explain a failed start: its last lines, not the whole log. */
const outputLimit = 8_000;

/** A local port that was free a moment ago and has nothing listening on it now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ReferenceServerOptions {
  port: number;
  /** Merged over `process.env` and the defaults (HOST 127.0.0.1, LOG_LEVEL warn); PORT always comes from `port`. */
  env?: Record<string, string>;
  /** Defaults to the repository root. */
  cwd?: string;
  /** How long to wait for `/api/health`; 60 s by default (a cold tsx start on a busy 2-core machine takes a while). */
  timeoutMs?: number;
}

export interface ReferenceServerProcess {
  /** The process itself, for callers that kill it on purpose (the crash test SIGKILLs it). */
  child: ChildProcess;
  origin: string;
  /** The last ~8 KB of the server's stdout and stderr. */
  output(): string;
  /** SIGTERM, then SIGKILL if it is still running 5 s later; resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts the server and resolves once `/api/health` answers. It runs the node binary itself with tsx as a loader,
 * never through npx or npm: a wrapper would be the child instead, and killing it could leave the server running.
 * If the process exits or the deadline passes first, it is stopped and the error carries its output.
 */
export async function spawnReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServerProcess> {
  const { port, env = {}, cwd = repoRoot, timeoutMs = 60_000 } = options;
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd,
    // Loopback only: the servers these callers start hold fixed test tokens. Warnings and errors still show.
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let log = '';
  const keep = (chunk: string) => {
    log = (log + chunk).slice(-outputLimit);
  };
  // Decoded as UTF-8 by the streams, so a character split across two chunks is not garbled.
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  // A failed spawn emits 'error' (not 'exit'); without a listener it would crash the caller's process.
  let spawnError = null as Error | null;
  child.once('error', (error) => {
    spawnError = error;
  });
  const output = () => log;

  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (exited() || spawnError) return;
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    // The server closes its database on SIGTERM; a hang there must not hang the caller.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await done;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`reference server could not start: ${String(spawnError)}`);
    if (exited()) {
      const status = child.exitCode ?? child.signalCode;
      throw new Error(`reference server exited with ${status}:\n${output()}`);
    }
    try {
      // A bounded request: a server that accepts the connection but never answers must not outlast the deadline.
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { child, origin, output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`reference server did not become healthy within ${timeoutMs / 1000} s:\n${output()}`);
}
