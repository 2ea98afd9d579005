import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import { loadSecretKey } from './crypto/secret-key';
import { createSecretBox } from './crypto/secret-box';
import { deliveryHandlers } from './delivery/delivery-handlers';
import { createDelivery, type DeliveryOptions } from './delivery/delivery-module';
import { flowHandlers } from './handlers/flow-handlers';
import { integrationHandlers } from './handlers/integration-handlers';
import { metaHandlers } from './handlers/meta-handlers';
import type { Services } from './handlers/services';
import { testNotificationHandlers } from './handlers/test-notification-handler';
import { createUnsavedTests } from './handlers/unsaved-tests';
import { addErrorHandling, addJsonParser } from './http/error-handling';
import { createFailureLimiter, createRateLimiter } from './http/rate-limiter';
import { registerEndpoints } from './http/register-endpoints';
import { indexScriptHashes } from './http/inline-scripts';
import { addCors, addSecurityHeaders } from './http/security-headers';
import { redactPaths } from './logging';
import type { Connector } from './integrations/connector';
import { createConnectorRegistry } from './integrations/registry';
import { createDeliveryMetrics } from './metrics/delivery-metrics';
import { registerMetricsRoute } from './metrics/metrics-route';
import { pagerDutySimulator } from './simulator/simulator-plugin';
import { openDatabase } from './store/database';
import { checkSecretKey } from './store/key-check';
import { createFlowsStore } from './store/flows-store';
import { createIntegrationsStore } from './store/integrations-store';
import { createUsersStore } from './store/users-store';

export const SIMULATOR_PREFIX = '/pagerduty-sim';
const BODY_LIMIT = 1024 * 1024;

export interface StartupInfo {
  /** Owner-only file with the tokens generated at this start (never printed), or null. */
  tokensFile: string | null;
  /** Where events go; the mounted simulator when PAGERDUTY_EVENTS_URL is unset. */
  pagerDutyEventsUrl: () => string;
  staticDir: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    startup: StartupInfo;
  }
}

export interface BuildOptions {
  /** Log destination for tests; otherwise LOG_FILE or stdout. */
  logStream?: DestinationStream;
  /** Clock, random source, transport or observer of the delivery outbox, for tests. */
  delivery?: DeliveryOptions;
  /** Integration types beside the production ones (tests register their own this way). */
  connectors?: readonly Connector[];
}

const loopback = (host: string) =>
  host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const box = createSecretBox(loadSecretKey(config.dataDir, config.secretKey));
  const db = openDatabase(config.dataDir);
  try {
    checkSecretKey(db, box);
  } catch (error) {
    db.close();
    throw error;
  }
  const users = createUsersStore(db, config.dataDir, config.tokens);

  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: {
      level: config.logLevel,
      redact: { paths: redactPaths, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : config.logFile ? { file: config.logFile } : {}),
    },
  });
  app.addHook('onClose', async () => db.close());

  const pagerDutyEventsUrl = () => {
    if (config.pagerDutyEventsUrl) return config.pagerDutyEventsUrl;
    const address = app.server.address() as AddressInfo | null;
    return `http://${loopback(config.host)}:${address?.port ?? config.port}${SIMULATOR_PREFIX}`;
  };
  const staticDir = existsSync(config.staticDir) ? config.staticDir : null;
  app.decorate('startup', { tokensFile: users.generatedTokensFile, pagerDutyEventsUrl, staticDir });

  addSecurityHeaders(app, indexScriptHashes(staticDir && `${staticDir}/index.html`));
  addCors(app, config.corsOrigin);
  addJsonParser(app);
  // Before any route (it hooks routes as they are added): answers of 1 KB+ compressed, request bodies never inflated.
  await app.register(fastifyCompress, { threshold: 1024, globalDecompression: false });
  addErrorHandling(
    app,
    (url) =>
      staticDir !== null &&
      !/^\/(api|assets|pagerduty-sim)(\/|$|\?)/.test(url) &&
      existsSync(`${staticDir}/index.html`),
  );

  if (!config.pagerDutyEventsUrl) {
    await app.register(pagerDutySimulator, { prefix: SIMULATOR_PREFIX, holdMs: config.pagerDutyTimeoutMs + 1000 });
  }

  const integrations = createIntegrationsStore(db, box);
  const flows = createFlowsStore(db, box);
  const connectors = createConnectorRegistry(
    { publicUrl: config.publicUrl, pagerDutyEventsUrl, timeoutMs: config.pagerDutyTimeoutMs },
    options.connectors,
  );
  // The outbox sends through the connectors: one transport for every event, whoever enqueued it.
  const delivery = createDelivery({ db, box, config, flows, integrations, connectors, log: app.log }, options.delivery);
  // After listen: the mounted simulator's port is only known then. Before close: stop claiming, finish or give back.
  app.addHook('onListen', async () => delivery.sender.start());
  app.addHook('preClose', async () => delivery.sender.stop());
  const services: Services = {
    config,
    integrations,
    flows,
    connectors,
    testLimiter: createRateLimiter(config.testNotificationLimit, 60_000),
    unsavedTests: createUnsavedTests(),
    delivery,
  };
  registerEndpoints(
    app,
    {
      ...metaHandlers(services),
      ...integrationHandlers(services),
      ...flowHandlers(services),
      ...testNotificationHandlers(services),
      ...deliveryHandlers(services),
    },
    { authenticate: users.authenticate, failures: createFailureLimiter(config.authFailureLimit, 60_000) },
  );

  // GET /metrics: the gauges read the outbox; the sender reports to the counters (unless a test brought its observer).
  const metrics = createDeliveryMetrics(delivery.probe);
  if (!options.delivery?.observer) delivery.setObserver(metrics.observer);
  registerMetricsRoute(app, { token: config.metricsToken, registry: metrics.registry });

  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: true,
      cacheControl: false,
      // The build writes .br and .gz beside each file (scripts/vite-precompress.ts); the best one accepted is sent.
      preCompressed: true,
      setHeaders(res, path) {
        // Vite fingerprints everything under assets/: safe to cache forever.
        const immutable = /[\\/]assets[\\/]/.test(path);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        // Which variant is sent depends on Accept-Encoding, so a cache must key on it (the plugin does not say so).
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
  }
  return app;
}
