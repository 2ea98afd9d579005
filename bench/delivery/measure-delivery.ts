/**
 * The delivery section: the durable outbox against a bare loop and Alertmanager (throughput), execution-to-accepted
 * latency, and the delivery log's first page at 1k / 100k / 1M stored rows. Every process is started here and stopped
 * in `finally`; every wait is bounded.
 */
import { percentile } from '../lib/stats';
import { ensureAlertmanager, startAlertmanager } from './alertmanager';
import { createEventsClient } from '../../server/integrations/pagerduty/events-client';
import { loadClient, type LoadClient } from './load-client';
import {
  makeDataDir,
  pool,
  removeDir,
  routingKeyOf,
  startDeliveryServer,
  startSimulator,
  type DeliveryServer,
  type SimEvent,
  type Simulator,
} from './processes';
import { seedDeliveries, seededCreatedAt } from './seed-deliveries';

export interface DeliveryOptions {
  rounds: number;
  keys: number;
  eventsPerKey: number;
  /** Actions per flow for the batched round: a flow's execution enqueues one trigger per action (at most 50). */
  actionsPerFlow: number;
  concurrency: number;
  alertmanagerAlerts: number;
  idleExecutions: number;
  loadExecutions: number;
  listSizes: number[];
  listRequests: number;
  sinceRequests: number;
}

export interface ThroughputRound {
  /** Executions of flows with `actionsPerFlow` actions each: the events reach the outbox a flow's worth at a time. */
  outboxPerSecond: number;
  barePerSecond: number;
  /** Time for the executions' 202s alone (the durable enqueue), within the outbox's window. */
  enqueueMs: number;
  /** The same events as one single-action execution each: an HTTP request in per event as well as one out. */
  perEventPerSecond: number;
  perEventEnqueueMs: number;
}

export interface LatencyRound {
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

export interface ListFigures {
  size: number;
  seedMs: number;
  /** p95 of each round's requests, per query. */
  firstPageP95Ms: number[];
  failedPageP95Ms: number[];
  /** `?since=` the 10th newest row: a page that matches 10 rows, so nothing stops the scan early. */
  sincePageP95Ms: number[];
}

export interface DeliveryReport {
  options: DeliveryOptions;
  throughput: ThroughputRound[];
  alertmanager: { version: string; perSecond: number[] } | { skipped: string };
  idle: LatencyRound[];
  load: LatencyRound[];
  list: ListFigures[];
  errors: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the simulator until `count` accepted events match; the finish time is the last one's `received_at`. */
async function acceptedBy(
  sim: Simulator,
  count: number,
  timeoutMs: number,
  match: (event: SimEvent) => boolean = () => true,
): Promise<SimEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const accepted = (await sim.events()).filter((event) => event.status === 202 && match(event));
    if (accepted.length >= count) return accepted;
    if (Date.now() > deadline) throw new Error(`the simulator accepted ${accepted.length} of ${count} in time`);
    await sleep(100);
  }
}

const lastAt = (events: readonly SimEvent[]) => Math.max(...events.map((event) => Date.parse(event.received_at)));

/**
 * Runs `executions` (flow ids, repeated as often as they should run) with `concurrency` in flight and waits for the
 * simulator to accept `events` triggers; the finish time is the last one's `received_at`.
 */
async function outboxRound(
  server: DeliveryServer,
  client: LoadClient,
  sim: Simulator,
  executions: number[],
  events: number,
  concurrency: number,
) {
  await sim.reset();
  const started = Date.now();
  // As many executions in flight as the sender sends: the API is not what throttles the outbox.
  await pool(executions, concurrency, async (flowId) => {
    const { status, text } = await client.post(
      `${server.origin}/api/flows/${flowId}/executions`,
      {},
      { Authorization: `Bearer ${server.token}` },
    );
    if (status !== 202) throw new Error(`POST /api/flows/${flowId}/executions -> ${status}: ${text.slice(0, 300)}`);
  });
  const enqueueMs = Date.now() - started;
  const accepted = await acceptedBy(sim, events, 120_000, (event) => event.endpoint === 'enqueue');
  return { perSecond: (events * 1000) / Math.max(1, lastAt(accepted) - started), enqueueMs, events: accepted };
}

/**
 * The same events the outbox sent, posted by a plain loop with the same concurrency through the same transport the
 * sender uses (the PagerDuty connector's one-attempt client: node:http on its keep-alive pool), from memory, with
 * nothing stored. What the outbox costs over this is what durability costs: SQLite, claims, settles, pacing.
 */
async function bareRound(sim: Simulator, bodies: readonly object[], concurrency: number) {
  await sim.reset();
  const events = createEventsClient({ baseUrl: () => sim.base, timeoutMs: 5_000 });
  const started = Date.now();
  await pool(bodies, concurrency, async (body) => {
    const result = await events.attemptEvent('enqueue', body);
    if (result.outcome !== 'delivered') throw new Error(`the bare loop's event was ${result.outcome}`);
  });
  const accepted = await acceptedBy(sim, bodies.length, 60_000);
  return (bodies.length * 1000) / Math.max(1, lastAt(accepted) - started);
}

/** Executions with known dedup keys; latency = POST sent until the simulator recorded the trigger's 202. */
async function latencyRound(
  server: DeliveryServer,
  sim: Simulator,
  flows: number[],
  count: number,
  tag: string,
  spacingMs: number,
): Promise<LatencyRound> {
  await sim.reset();
  const sentAt = new Map<string, number>();
  const fire = async (i: number) => {
    const dedupKey = `bench-${tag}-${i}-${Date.now()}`;
    sentAt.set(dedupKey, Date.now());
    await server.api('POST', `/api/flows/${flows[i % flows.length]}/executions`, { dedup_key: dedupKey });
  };
  if (spacingMs > 0) {
    for (let i = 0; i < count; i++) {
      await fire(i);
      await sleep(spacingMs);
    }
  } else {
    await Promise.all(Array.from({ length: count }, (_, i) => fire(i)));
  }
  const events = await acceptedBy(sim, count, 60_000, (event) => sentAt.has(event.body.dedup_key ?? ''));
  const latencies = events.map((event) => Date.parse(event.received_at) - (sentAt.get(event.body.dedup_key!) ?? 0));
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), samples: latencies.length };
}

async function timeRequests(server: DeliveryServer, path: string, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await server.api('GET', path);
    times.push(performance.now() - started);
  }
  return percentile(times, 95);
}

/**
 * One data dir and one server per size, all running at once, and each round visits every size in turn: load from
 * the other engineers on this machine then falls on all sizes alike instead of on whichever was measured last.
 */
async function measureList(cwd: string, sim: Simulator, options: DeliveryOptions, log: (line: string) => void) {
  const figures: ListFigures[] = [];
  const dirs: string[] = [];
  const servers: DeliveryServer[] = [];
  try {
    for (const size of options.listSizes) {
      const dataDir = await makeDataDir();
      dirs.push(dataDir);
      const { ms: seedMs } = seedDeliveries(dataDir, size);
      log(`  ${size} stored deliveries (seeded in ${Math.round(seedMs)} ms) ...`);
      servers.push(await startDeliveryServer(cwd, { eventsUrl: sim.base, dataDir, concurrency: 1 }));
      figures.push({ size, seedMs, firstPageP95Ms: [], failedPageP95Ms: [], sincePageP95Ms: [] });
    }
    const paths = (size: number) => ({
      first: '/api/notifications/deliveries',
      failed: '/api/notifications/deliveries?status=failed',
      since: `/api/notifications/deliveries?since=${encodeURIComponent(seededCreatedAt(size - 9))}`,
    });
    // A warm-up: the first requests pay for the page cache and the JIT, not for the query.
    for (const [i, server] of servers.entries()) {
      for (const path of Object.values(paths(figures[i]!.size))) await timeRequests(server, path, 10);
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, server] of servers.entries()) {
        const entry = figures[i]!;
        const { first, failed, since } = paths(entry.size);
        entry.firstPageP95Ms.push(await timeRequests(server, first, options.listRequests));
        entry.failedPageP95Ms.push(await timeRequests(server, failed, options.listRequests));
        entry.sincePageP95Ms.push(await timeRequests(server, since, options.sinceRequests));
      }
    }
  } finally {
    for (const server of servers) await server.stop();
    for (const dir of dirs) await removeDir(dir);
  }
  return figures;
}

export async function measureDelivery(
  cwd: string,
  options: DeliveryOptions,
  log: (line: string) => void,
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    options,
    throughput: [],
    alertmanager: { skipped: 'not run' },
    idle: [],
    load: [],
    list: [],
    errors: [],
  };
  const sim = await startSimulator(cwd);
  const dataDir = await makeDataDir();
  const keys = Array.from({ length: options.keys }, (_, i) => routingKeyOf('benchkey', i));
  try {
    const server = await startDeliveryServer(cwd, { eventsUrl: sim.base, dataDir, concurrency: options.concurrency });
    try {
      // One flow per routing key, each with one action whose override is that key (the per-event round, latency) ...
      const action = (key: string) => ({
        type: 'PagerDuty',
        tokenized_message: 'Anomaly in {{ datastore_name }}',
        parameters: { severity: 'error', routing_key: key },
      });
      const flows: number[] = [];
      for (const [i, key] of keys.entries()) {
        const flow = await server.api<{ id: number }>('POST', '/api/flows', {
          name: `Bench delivery ${i}`,
          trigger_type: 'anomaly',
          actions: [action(key)],
        });
        flows.push(flow.id);
      }
      // ... and the same keys as flows of `actionsPerFlow` actions: one execution enqueues a trigger per key of its
      // flow, as when one anomaly notifies several teams, so the ingest is a few requests and the sender is measured.
      const wideFlows: number[] = [];
      for (let from = 0; from < keys.length; from += options.actionsPerFlow) {
        const flow = await server.api<{ id: number }>('POST', '/api/flows', {
          name: `Bench delivery wide ${from}`,
          trigger_type: 'anomaly',
          actions: keys.slice(from, from + options.actionsPerFlow).map(action),
        });
        wideFlows.push(flow.id);
      }
      const events = keys.length * options.eventsPerKey;
      const wideRuns = Array.from({ length: options.eventsPerKey }, () => wideFlows).flat();
      const singleRuns = Array.from({ length: options.eventsPerKey }, () => flows).flat();
      log(
        `  outbox vs bare loop: ${options.keys} keys x ${options.eventsPerKey} events, concurrency ${options.concurrency} ...`,
      );
      const client = loadClient(options.concurrency);
      try {
        // Round 0 warms the JIT of the server, the simulator and this client, and is not counted.
        for (let round = 0; round <= options.rounds; round++) {
          const wide = await outboxRound(server, client, sim, wideRuns, events, options.concurrency);
          const bare = await bareRound(
            sim,
            wide.events.map((event) => event.body),
            options.concurrency,
          );
          const single = await outboxRound(server, client, sim, singleRuns, events, options.concurrency);
          if (round === 0) continue;
          report.throughput.push({
            outboxPerSecond: wide.perSecond,
            barePerSecond: bare,
            enqueueMs: wide.enqueueMs,
            perEventPerSecond: single.perSecond,
            perEventEnqueueMs: single.enqueueMs,
          });
        }
      } finally {
        client.close();
      }
      log(`  latency: ${options.idleExecutions} idle executions, ${options.loadExecutions} at once ...`);
      for (let round = 0; round < options.rounds; round++) {
        report.idle.push(await latencyRound(server, sim, flows, options.idleExecutions, `idle${round}`, 100));
        report.load.push(await latencyRound(server, sim, flows, options.loadExecutions, `load${round}`, 0));
      }
    } finally {
      await server.stop();
    }

    const found = await ensureAlertmanager(log);
    if ('skip' in found) report.alertmanager = { skipped: found.skip };
    else {
      log(`  alertmanager: ${options.alertmanagerAlerts} alerts over ${options.keys} receivers ...`);
      const am = await startAlertmanager(found.binary, keys, `${sim.base}/v2/enqueue`);
      try {
        const perSecond: number[] = [];
        for (let round = 0; round < options.rounds; round++) {
          await sim.reset();
          const alerts = Array.from({ length: options.alertmanagerAlerts }, (_, i) => ({
            labels: { alertname: `bench-${round}-${i}`, bench_key: String(i % options.keys), severity: 'error' },
            annotations: { summary: `Anomaly ${i}` },
          }));
          const started = Date.now();
          await am.post(alerts);
          const events = await acceptedBy(sim, alerts.length, 60_000);
          perSecond.push((alerts.length * 1000) / Math.max(1, lastAt(events) - started));
        }
        report.alertmanager = { version: am.version, perSecond };
      } finally {
        await am.stop();
      }
    }

    log(`  delivery log first page at ${options.listSizes.join(', ')} stored deliveries ...`);
    report.list = await measureList(cwd, sim, options, log);
  } catch (error) {
    report.errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await sim.stop();
    await removeDir(dataDir);
  }
  return report;
}
