import type { PagerDutyReply } from '../../../src/api/contract';
import { isRecord, parseJsonOrUndefined } from '../../json-utils';
import type { AttemptResult, DeliveryEndpoint, PagerDutyFailure } from '../connector';
import { BadReplyError, postJson, type RawReply } from './post-json';

export type { AttemptResult, PagerDutyFailure } from '../connector';
export type PagerDutyEndpoint = DeliveryEndpoint;

export interface PagerDutyAccepted {
  status: string;
  message: string;
  dedup_key?: string;
}

export type SendOutcome = { ok: true; reply: PagerDutyAccepted } | { ok: false; failure: PagerDutyFailure };

export interface EventsClientOptions {
  /** Resolved per call: the mounted simulator's port is only known once the server listens. */
  baseUrl: () => string;
  timeoutMs: number;
  retryDelayMs: number;
  /** Milliseconds, for `durationMs`; injectable so tests need no real clock. */
  now?: () => number;
  /** Waits between the brief retries of `send`; injectable for the same reason. */
  sleep?: (ms: number) => Promise<void>;
}

export interface EventsClient {
  /**
   * One POST, never retried: what an outbox calls. `routingKey`, when given, is set on the event
   * (an outbox may keep events without their key, which stays sealed until sending).
   */
  attemptEvent(endpoint: PagerDutyEndpoint, event: object, routingKey?: string): Promise<AttemptResult>;
  /** For a person waiting (validation, test): 429 and 5xx retried at most twice, briefly. */
  send(endpoint: PagerDutyEndpoint, event: { routing_key: string } & Record<string, unknown>): Promise<SendOutcome>;
}

const paths: Record<PagerDutyEndpoint, string> = { enqueue: '/v2/enqueue', change: '/v2/change/enqueue' };
const MAX_ATTEMPTS = 3;
/** PagerDuty sends no Retry-After; its limits are per minute, so half a minute is an honest hint. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Keeps PagerDuty's reply verbatim except for the routing key itself, should a proxy ever echo it. */
function readReply(httpStatus: number, text: string, routingKey: string): PagerDutyReply {
  const scrub = (s: string) => (routingKey ? s.split(routingKey).join('[routing key]') : s);
  const body = parseJsonOrUndefined(text);
  if (!isRecord(body)) return { http_status: httpStatus };
  return {
    http_status: httpStatus,
    ...(typeof body.status === 'string' ? { status: scrub(body.status) } : {}),
    ...(typeof body.message === 'string' ? { message: scrub(body.message) } : {}),
    ...(Array.isArray(body.errors) ? { errors: body.errors.map((e) => scrub(String(e))) } : {}),
  };
}

const mentionsKey = (text: string) => /routing[ _]key/i.test(text);

function retryAfter(header: string | null): number {
  const seconds = header ? Number(header) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
  const date = header ? Date.parse(header) : NaN;
  if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  return DEFAULT_RETRY_AFTER_SECONDS;
}

function networkFailure(error: unknown, url: string): PagerDutyFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'timeout', detail: '' };
  }
  if (error instanceof BadReplyError) {
    return {
      code: 'pagerduty_error',
      detail: `PagerDuty's reply could not be read (${error.message.toLowerCase()}), so delivery is not confirmed. Try again in a minute.`,
    };
  }
  const own = isRecord(error) ? error : {};
  const cause = isRecord(own.cause) ? own.cause : {};
  const code = typeof own.code === 'string' ? own.code : typeof cause.code === 'string' ? cause.code : undefined;
  const reason = code ? ` (${code})` : '';
  return {
    code: 'unreachable',
    detail: `Could not reach PagerDuty at ${new URL(url).origin}${reason}. Check the network path from this server to PagerDuty and try again.`,
  };
}

/** Classifies one answer (or the lack of one) the way PagerDuty's retry rules say. */
function classify(
  endpoint: PagerDutyEndpoint,
  response: RawReply,
  reply: PagerDutyReply,
): Pick<AttemptResult, 'outcome' | 'retryAfterMs' | 'reply' | 'failure'> {
  const { status, text } = response;
  const { http_status: _status, ...said } = reply;
  if (status >= 200 && status < 300) {
    const parsed = parseJsonOrUndefined(text);
    const valid =
      isRecord(parsed) &&
      typeof parsed.status === 'string' &&
      (endpoint === 'change' || typeof parsed.dedup_key === 'string');
    if (valid) {
      return {
        outcome: 'delivered',
        retryAfterMs: null,
        reply: {
          status: parsed.status as string,
          message: typeof parsed.message === 'string' ? parsed.message : '',
          ...(typeof parsed.dedup_key === 'string' ? { dedup_key: parsed.dedup_key } : {}),
        },
      };
    }
    return {
      outcome: 'retryable',
      retryAfterMs: null,
      reply: said,
      failure: {
        code: 'pagerduty_error',
        detail: `PagerDuty answered HTTP ${status} with a reply that could not be understood, so delivery is not confirmed. Check the PagerDuty service, then try again.`,
        reply,
      },
    };
  }
  if (status === 429) {
    const header = response.headers['retry-after'];
    const seconds = retryAfter(typeof header === 'string' ? header : null);
    return {
      outcome: 'retryable',
      retryAfterMs: seconds * 1000,
      reply: said,
      failure: {
        code: 'rate_limited',
        detail: `PagerDuty is receiving too many events for this Routing Key and asked to slow down. Try again in ${seconds} seconds.`,
        reply,
        retryAfterSeconds: seconds,
      },
    };
  }
  if (status === 400) {
    const reasons = reply.errors?.length ? reply.errors.join('; ') : (reply.message ?? 'PagerDuty refused the event.');
    const keyProblem = mentionsKey(reasons);
    return {
      outcome: 'rejected',
      retryAfterMs: null,
      reply: said,
      failure: { code: keyProblem ? 'invalid_key' : 'invalid_event', detail: reasons, reply },
    };
  }
  return {
    // A 5xx is PagerDuty's trouble and passes; any other status is this server's setup (URL, proxy).
    outcome: status >= 500 ? 'retryable' : 'rejected',
    retryAfterMs: null,
    reply: said,
    failure: {
      code: 'pagerduty_error',
      detail:
        status >= 500
          ? `PagerDuty is having trouble (HTTP ${status}). Try again in a few minutes.`
          : `PagerDuty answered HTTP ${status}, which this server does not expect. Check PAGERDUTY_EVENTS_URL and any proxy in between.`,
      reply,
    },
  };
}

/**
 * Sends events to PagerDuty's Events API v2. `attemptEvent` tries once; `send` retries 429 and
 * 5xx at most twice, briefly, because a person is waiting; timeouts and unreachable hosts are not retried.
 */
export function createEventsClient(options: EventsClientOptions): EventsClient {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;

  async function attemptEvent(endpoint: PagerDutyEndpoint, event: object, routingKey?: string): Promise<AttemptResult> {
    const url = options.baseUrl().replace(/\/+$/, '') + paths[endpoint];
    const sent: Record<string, unknown> =
      routingKey === undefined ? { ...event } : { ...event, routing_key: routingKey };
    const key = typeof sent.routing_key === 'string' ? sent.routing_key : '';
    const started = now();
    let response: RawReply;
    try {
      response = await postJson(url, JSON.stringify(sent), options.timeoutMs);
    } catch (error) {
      const failure = networkFailure(error, url);
      if (failure.code === 'timeout') {
        failure.detail = `PagerDuty did not answer within ${options.timeoutMs / 1000} seconds. It may be slow or unreachable; try again in a minute.`;
      }
      return {
        outcome: 'retryable',
        httpStatus: null,
        durationMs: now() - started,
        retryAfterMs: null,
        reply: null,
        failure,
      };
    }
    const durationMs = now() - started;
    const reply = readReply(response.status, response.text, key);
    return { httpStatus: response.status, durationMs, ...classify(endpoint, response, reply) };
  }

  return {
    attemptEvent,
    async send(endpoint, event) {
      for (let attempt = 1; ; attempt++) {
        const result = await attemptEvent(endpoint, event);
        const status = result.httpStatus;
        const retryable = status !== null && (status === 429 || status >= 500);
        if (retryable && attempt < MAX_ATTEMPTS) {
          await sleep(options.retryDelayMs * attempt);
          continue;
        }
        if (result.outcome === 'delivered') {
          const { status: said = '', message = '', dedup_key } = result.reply ?? {};
          return { ok: true, reply: { status: said, message, ...(dedup_key === undefined ? {} : { dedup_key }) } };
        }
        const failure = result.failure!;
        if (status !== null && status >= 500) {
          failure.detail = `PagerDuty is having trouble (HTTP ${status}, still failing after ${MAX_ATTEMPTS} tries). Try again in a few minutes.`;
        }
        return { ok: false, failure };
      }
    },
  };
}
