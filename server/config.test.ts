import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that work', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      dataDir: resolve('data'),
      publicUrl: 'http://127.0.0.1:8080',
      pagerDutyEventsUrl: null,
      staticDir: resolve('dist'),
      logLevel: 'info',
      pagerDutyTimeoutMs: 10_000,
      pagerDutyRetryDelayMs: 1000,
      testNotificationLimit: 10,
      authFailureLimit: 20,
      tokens: {},
    });
    expect(config.corsOrigin).toBeUndefined();
    expect(config.secretKey).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/tmp/q',
      PUBLIC_URL: 'https://q.example.com/',
      PAGERDUTY_EVENTS_URL: 'https://events.pagerduty.com',
      ADMIN_TOKEN: 'admin-token-0123456789',
      SECRET_KEY: 'ab'.repeat(32),
      STATIC_DIR: '/srv/spa',
      LOG_FILE: '/tmp/q.log',
      LOG_LEVEL: 'warn',
      PAGERDUTY_TIMEOUT_MS: '500',
      PAGERDUTY_RETRY_DELAY_MS: '0',
      CORS_ORIGIN: 'http://localhost:5173',
      TEST_NOTIFICATION_LIMIT: '3',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/tmp/q',
      publicUrl: 'https://q.example.com',
      pagerDutyEventsUrl: 'https://events.pagerduty.com',
      tokens: { Admin: 'admin-token-0123456789' },
      staticDir: '/srv/spa',
      logFile: '/tmp/q.log',
      logLevel: 'warn',
      pagerDutyTimeoutMs: 500,
      pagerDutyRetryDelayMs: 0,
      corsOrigin: 'http://localhost:5173',
      testNotificationLimit: 3,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL/],
    [{ PAGERDUTY_EVENTS_URL: 'ftp://events' }, /PAGERDUTY_EVENTS_URL/],
    [{ SECRET_KEY: 'too-short' }, /SECRET_KEY/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PAGERDUTY_TIMEOUT_MS: '-1' }, /PAGERDUTY_TIMEOUT_MS/],
    [{ TEST_NOTIFICATION_LIMIT: '0' }, /TEST_NOTIFICATION_LIMIT/],
    [{ MANAGER_TOKEN: 'short' }, /MANAGER_TOKEN/],
    [{ CORS_ORIGIN: 'nope' }, /CORS_ORIGIN/],
    [{ AUTH_FAILURE_LIMIT: 'many' }, /AUTH_FAILURE_LIMIT/],
  ])('refuses %o with a clear error', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the delivery outbox variables, with PagerDuty-friendly defaults', () => {
    expect(loadConfig({})).toMatchObject({
      deliveryRetryBaseMs: 1000,
      deliveryRetryMaxMs: 300_000,
      deliveryGiveUpAfterMs: 86_400_000,
      deliveryPacePerMinute: 100,
      deliveryConcurrency: 8,
      deliveryShutdownWaitMs: 5000,
    });
    expect(
      loadConfig({
        DELIVERY_RETRY_BASE_MS: '500',
        DELIVERY_RETRY_MAX_MS: '60000',
        DELIVERY_GIVE_UP_AFTER_MS: '3600000',
        DELIVERY_PACE_PER_MINUTE: '60',
        DELIVERY_CONCURRENCY: '2',
        DELIVERY_SHUTDOWN_WAIT_MS: '0',
      }),
    ).toMatchObject({
      deliveryRetryBaseMs: 500,
      deliveryRetryMaxMs: 60_000,
      deliveryGiveUpAfterMs: 3_600_000,
      deliveryPacePerMinute: 60,
      deliveryConcurrency: 2,
      deliveryShutdownWaitMs: 0,
    });
  });

  it('refuses delivery settings that would break PagerDuty rules or make no sense', () => {
    expect(() => loadConfig({ DELIVERY_PACE_PER_MINUTE: '121' })).toThrow(/DELIVERY_PACE_PER_MINUTE/);
    expect(() => loadConfig({ DELIVERY_CONCURRENCY: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DELIVERY_RETRY_BASE_MS: '5000', DELIVERY_RETRY_MAX_MS: '1000' })).toThrow(
      /DELIVERY_RETRY_MAX_MS \(1000\) must be at least DELIVERY_RETRY_BASE_MS \(5000\)/,
    );
  });

  it('never repeats a token value in its error', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'has a space in it!!' })).toThrow(/^(?!.*has a space).*$/);
  });
});
