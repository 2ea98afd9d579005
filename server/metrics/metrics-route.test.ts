import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { routingKeyTracker, startTestServer, tempDataDir, type TestServer } from '../test-support/test-server';
import { createDeliveryMetrics } from './delivery-metrics';
import { registerMetricsRoute } from './metrics-route';

const TOKEN = 'metrics-scraper-token-0123456789';
const keys = routingKeyTracker();
const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/metrics`, authorization === undefined ? {} : { headers: { authorization } });

describe('METRICS_TOKEN', () => {
  it('is read like the other tokens, and refused when short or spaced', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    for (const bad of ['short', 'a token with spaces in it']) {
      expect(() => loadConfig({ METRICS_TOKEN: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ METRICS_TOKEN: bad })).toThrow(/^METRICS_TOKEN must be/);
    }
  });
});

/** The value of one sample line of the exposition, e.g. `name{a="b"} 3`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Polls until `probe` answers something (bounded: the sender works in real time here). */
async function until<T>(probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the sender');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('GET /metrics on the server', () => {
  let server: TestServer;
  const metricsText = async () => (await scrape(server.url, `Bearer ${TOKEN}`)).text();
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => server.close());

  it('answers the right bearer token with Prometheus text and the delivery metrics', async () => {
    const response = await scrape(server.url, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    for (const name of [
      'qualytics_deliveries_total',
      'qualytics_delivery_attempts_total',
      'qualytics_delivery_attempt_duration_seconds',
      'qualytics_outbox_depth',
      'qualytics_outbox_oldest_pending_age_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer metrics-scraper-token-0123456780'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token with more after it', `Bearer ${TOKEN}x`],
    ['the token without the Bearer scheme', TOKEN],
    ['the token as Basic credentials', `Basic ${TOKEN}`],
    ['the token after a scheme that only ends in Bearer', `XBearer ${TOKEN}`],
    ['an API token', 'Bearer test-admin-token-0123456789abcdef'],
  ])('refuses %s with 401', async (_, authorization) => {
    const response = await scrape(server.url, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({
      detail: 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".',
    });
  });

  it('counts what the sender really sent, shows the outbox, and never a routing key', async () => {
    const created = await server.api('POST', '/api/integrations', {
      as: 'Admin',
      body: { type: 'pagerduty', api_access_token: keys.key() },
    });
    expect(created.status).toBe(201);
    const tested = await server.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'metrics check', parameters: { routing_key: keys.key() } },
    });
    expect(tested.status).toBe(200);
    const flow = await server.api('POST', '/api/flows', {
      body: {
        name: 'metrics flow',
        trigger_type: 'anomaly',
        actions: [
          { type: 'PagerDuty', tokenized_message: 'stored key', parameters: { severity: 'error' } },
          {
            type: 'PagerDuty',
            tokenized_message: 'override',
            parameters: { severity: 'info', routing_key: keys.key() },
          },
        ],
      },
    });
    expect(flow.status).toBe(201);

    // PagerDuty hangs: both triggers wait in the outbox, and the gauges say so.
    await server.sim.outage({ mode: 'hang' });
    expect((await server.api('POST', `/api/flows/${flow.body.id}/executions`, { body: {} })).status).toBe(202);
    let text = await metricsText();
    expect(sample(text, 'qualytics_outbox_depth')).toBe(2);
    expect(sample(text, 'qualytics_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    await server.sim.endOutage();

    text = await until(async () => {
      const now = await metricsText();
      return sample(now, 'qualytics_deliveries_total{kind="trigger",status="delivered"}') === 2 ? now : null;
    });
    expect(sample(text, 'qualytics_deliveries_total{kind="validation",status="delivered"}')).toBe(1);
    expect(sample(text, 'qualytics_deliveries_total{kind="test",status="delivered"}')).toBe(1);
    expect(sample(text, 'qualytics_delivery_attempts_total{kind="trigger",outcome="delivered"}')).toBe(2);
    expect(sample(text, 'qualytics_delivery_attempt_duration_seconds_count{kind="trigger",outcome="delivered"}')).toBe(
      2,
    );
    expect(sample(text, 'qualytics_outbox_depth')).toBe(0);
    expect(sample(text, 'qualytics_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(keys.used).toHaveLength(3);
    for (const secret of [...keys.used, TOKEN]) {
      expect(text).not.toContain(secret);
      expect(server.logs.join('\n')).not.toContain(secret);
    }
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('is a 404 like any unknown path, even with the SPA and a bearer token', async () => {
    const dataDir = tempDataDir();
    const staticDir = join(dataDir, 'dist');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Qualytics</title>');
    const server = await startTestServer({ STATIC_DIR: staticDir }, { dataDir });
    try {
      expect((await fetch(`${server.url}/integrations`)).status).toBe(200);
      for (const authorization of [undefined, `Bearer ${TOKEN}`, 'Bearer ']) {
        const response = await scrape(server.url, authorization);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ detail: 'Not Found' });
      }
    } finally {
      await server.close();
    }
  });
});

describe('registerMetricsRoute', () => {
  it('serves the registry it is given, so the sender feeds what is scraped', async () => {
    const app = Fastify();
    const { observer, registry } = createDeliveryMetrics({ depth: () => 7, oldestPendingAgeMs: () => 1500 });
    registerMetricsRoute(app, { token: TOKEN, registry });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      observer.attempt({ kind: 'trigger', outcome: 'delivered', durationMs: 30 });
      observer.settled({ kind: 'trigger', status: 'delivered' });
      const text = await (await scrape(url, `bearer ${TOKEN}`)).text();
      expect(text).toContain('qualytics_deliveries_total{kind="trigger",status="delivered"} 1');
      expect(text).toContain('qualytics_delivery_attempts_total{kind="trigger",outcome="delivered"} 1');
      expect(text).toContain('qualytics_outbox_depth 7');
      expect(text).toContain('qualytics_outbox_oldest_pending_age_seconds 1.5');
    } finally {
      await app.close();
    }
  });
});
