import { resolve } from 'node:path';
import { parseSecretKey } from './crypto/secret-key';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  publicUrl: string;
  /** `null` = mount the simulator and send events to it. */
  pagerDutyEventsUrl: string | null;
  tokens: { Admin?: string; Manager?: string; Member?: string };
  /** Raw SECRET_KEY value (hex or base64); `undefined` = use or create `DATA_DIR/secret.key`. */
  secretKey?: string;
  staticDir: string;
  logFile?: string;
  logLevel: string;
  pagerDutyTimeoutMs: number;
  pagerDutyRetryDelayMs: number;
  corsOrigin?: string;
  testNotificationLimit: number;
  /** Wrong API tokens allowed per client address per minute before every token from there waits. */
  authFailureLimit: number;
  /** The outbox sender (server/delivery): backoff base and cap, when to give up, pacing per key, parallel sends. */
  deliveryRetryBaseMs: number;
  deliveryRetryMaxMs: number;
  deliveryGiveUpAfterMs: number;
  deliveryPacePerMinute: number;
  deliveryConcurrency: number;
  deliveryShutdownWaitMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max} (got "${raw}").`);
  }
  return Number(raw);
}

function url(name: string, raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL (got "${raw}").`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${name} must start with http:// or https:// (got "${raw}").`);
  }
  return raw.replace(/\/+$/, '');
}

function token(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  // Never echo the value: it is a credential.
  if (raw.length < 16 || /\s/.test(raw)) {
    throw new ConfigError(`${name} must be at least 16 characters without spaces.`);
  }
  return raw;
}

function deliveryConfig(env: NodeJS.ProcessEnv) {
  const deliveryRetryBaseMs = integer(env, 'DELIVERY_RETRY_BASE_MS', 1000, 1, 3_600_000);
  const deliveryRetryMaxMs = integer(env, 'DELIVERY_RETRY_MAX_MS', 300_000, 1, 86_400_000);
  if (deliveryRetryMaxMs < deliveryRetryBaseMs) {
    throw new ConfigError(
      `DELIVERY_RETRY_MAX_MS (${deliveryRetryMaxMs}) must be at least DELIVERY_RETRY_BASE_MS (${deliveryRetryBaseMs}).`,
    );
  }
  return {
    deliveryRetryBaseMs,
    deliveryRetryMaxMs,
    deliveryGiveUpAfterMs: integer(env, 'DELIVERY_GIVE_UP_AFTER_MS', 86_400_000, 1000, 30 * 86_400_000),
    // PagerDuty allows about 120 a minute per key; staying below leaves room for retries and other senders.
    deliveryPacePerMinute: integer(env, 'DELIVERY_PACE_PER_MINUTE', 100, 1, 120),
    deliveryConcurrency: integer(env, 'DELIVERY_CONCURRENCY', 8, 1, 256),
    deliveryShutdownWaitMs: integer(env, 'DELIVERY_SHUTDOWN_WAIT_MS', 5000, 0, 120_000),
  };
}

/** Reads the environment once; every invalid value is a clear startup error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST?.trim() || '127.0.0.1';
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  const publicUrl = env.PUBLIC_URL?.trim()
    ? url('PUBLIC_URL', env.PUBLIC_URL.trim())
    : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const pagerDutyEventsUrl = env.PAGERDUTY_EVENTS_URL?.trim()
    ? url('PAGERDUTY_EVENTS_URL', env.PAGERDUTY_EVENTS_URL.trim())
    : null;
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${logLevel}").`);
  }
  const corsOrigin = env.CORS_ORIGIN?.trim() || undefined;
  if (corsOrigin && corsOrigin !== '*') url('CORS_ORIGIN', corsOrigin);
  const secretKey = env.SECRET_KEY?.trim() || undefined;
  if (secretKey && !parseSecretKey(secretKey)) {
    throw new ConfigError('SECRET_KEY must be 64 hex characters or the base64 of 32 bytes.');
  }
  return {
    host,
    port,
    dataDir,
    publicUrl,
    pagerDutyEventsUrl,
    tokens: {
      Admin: token(env, 'ADMIN_TOKEN'),
      Manager: token(env, 'MANAGER_TOKEN'),
      Member: token(env, 'MEMBER_TOKEN'),
    },
    secretKey,
    staticDir: resolve(env.STATIC_DIR?.trim() || 'dist'),
    logFile: env.LOG_FILE?.trim() || undefined,
    logLevel,
    pagerDutyTimeoutMs: integer(env, 'PAGERDUTY_TIMEOUT_MS', 10_000, 1, 120_000),
    pagerDutyRetryDelayMs: integer(env, 'PAGERDUTY_RETRY_DELAY_MS', 1000, 0, 30_000),
    corsOrigin,
    testNotificationLimit: integer(env, 'TEST_NOTIFICATION_LIMIT', 10, 1, 10_000),
    authFailureLimit: integer(env, 'AUTH_FAILURE_LIMIT', 20, 1, 1_000_000),
    ...deliveryConfig(env),
  };
}
