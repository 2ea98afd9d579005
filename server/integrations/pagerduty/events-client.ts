import type { PagerDutyReply } from '../../../src/api/contract';
import { isRecord, parseJsonOrUndefined } from '../../json-utils';
import type { AttemptResult, DeliveryEndpoint, PagerDutyFailure } from '../connector';
import { BadReplyError, postJson, type RawReply } from './post-json';

export type { AttemptResult, PagerDutyFailure } from '../connector';
export type PagerDutyEndpoint = DeliveryEndpoint;

export interface EventsClientOptions {
  /** Resolved per call: the mounted simulator's port is only known once the server listens. */
  baseUrl: () => string;
  timeoutMs: number;
  /** Milliseconds, for `durationMs`; injectable so tests need no real clock. */
  now?: () => number;
}

export interface EventsClient {
  /**
   * One POST, never retried: the delivery module decides what comes next (the outbox's backoff, or the brief
   * retries of a request that waits). `routingKey`, when given, is set on the event.
   */
  attemptEvent(endpoint: PagerDutyEndpoint, event: object, routingKey?: string): Promise<AttemptResult>;
}

const paths: Record<PagerDutyEndpoint, string> = { enqueue: '/v2/enqueue', change: '/v2/change/enqueue' };
/** PagerDuty sends no Retry-After; its limits are per minute, so half a minute is an honest hint. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

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

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
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
  const { http_status: _status, ...fields } = reply;
  // Not JSON (a proxy's page, a bare "busy"): there is no reply of PagerDuty's to keep.
  const said = Object.keys(fields).length ? fields : null;
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
    const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : undefined, Date.now());
    // The person waiting gets a hint either way; the outbox honours only what PagerDuty said.
    const seconds = retryAfterMs === null ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil(retryAfterMs / 1000));
    return {
      outcome: 'retryable',
      retryAfterMs,
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
    // Only a 400 is final: a 5xx is PagerDuty's trouble and passes, and any other status is this server's
    // setup (URL, proxy), which someone can fix while the outbox keeps the event.
    outcome: 'retryable',
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

/** Sends events to PagerDuty's Events API v2, one POST per call; nothing here retries. */
export function createEventsClient(options: EventsClientOptions): EventsClient {
  const now = options.now ?? (() => performance.now());

  async function attemptEvent(endpoint: PagerDutyEndpoint, event: object, routingKey?: string): Promise<AttemptResult> {
    const url = options.baseUrl().replace(/\/+$/, '') + paths[endpoint];
    const sent: Record<string, unknown> =
      routingKey === undefined ? { ...event } : { ...event, routing_key: routingKey };
    const key = typeof sent.routing_key === 'string' ? sent.routing_key : '';
    const started = now();
    // A tenth of a millisecond is all a delivery record needs.
    const elapsed = () => Math.round((now() - started) * 10) / 10;
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
        durationMs: elapsed(),
        retryAfterMs: null,
        reply: null,
        failure,
      };
    }
    const durationMs = elapsed();
    const reply = readReply(response.status, response.text, key);
    return { httpStatus: response.status, durationMs, ...classify(endpoint, response, reply) };
  }

  return { attemptEvent };
}
