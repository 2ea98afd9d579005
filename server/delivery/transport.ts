import type { PagerDutyFailureCode } from '../../src/api/contract';
import { isRecord, parseJsonOrUndefined } from '../json-utils';
import { BadReplyError, postJson, type RawReply } from '../pagerduty/post-json';

export type AttemptEndpoint = 'enqueue' | 'change';
export type AttemptOutcome = 'delivered' | 'rejected' | 'retryable';

export interface AttemptReply {
  status?: string;
  message?: string;
  errors?: string[];
  dedup_key?: string;
}

export interface AttemptResult {
  outcome: AttemptOutcome;
  httpStatus: number | null;
  durationMs: number;
  /** PagerDuty's Retry-After, when it sent one. */
  retryAfterMs: number | null;
  /** PagerDuty's reply, routing key scrubbed; null when there was none or it was not JSON. */
  reply: AttemptReply | null;
  failureCode?: Exclude<PagerDutyFailureCode, 'not_connected'>;
  /** A sentence for a person; PagerDuty's own reasons verbatim for a 400. */
  detail?: string;
}

/** One attempt, no retries: the caller (the sender, or a waiting request) decides what comes next. */
export interface DeliveryTransport {
  attempt(endpoint: AttemptEndpoint, event: { routing_key: string } & Record<string, unknown>): Promise<AttemptResult>;
}

const paths: Record<AttemptEndpoint, string> = { enqueue: '/v2/enqueue', change: '/v2/change/enqueue' };

function readReply(text: string, routingKey: string): AttemptReply | null {
  // Should a proxy ever echo the event back, the key must not travel further.
  const scrub = (s: string) => (routingKey ? s.split(routingKey).join('[routing key]') : s);
  const body = parseJsonOrUndefined(text);
  if (!isRecord(body)) return null;
  return {
    ...(typeof body.status === 'string' ? { status: scrub(body.status) } : {}),
    ...(typeof body.message === 'string' ? { message: scrub(body.message) } : {}),
    ...(Array.isArray(body.errors) ? { errors: body.errors.map((e) => scrub(String(e))) } : {}),
    ...(typeof body.dedup_key === 'string' ? { dedup_key: body.dedup_key } : {}),
  };
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
}

const mentionsKey = (text: string) => /routing[ _]key/i.test(text);

function classify(endpoint: AttemptEndpoint, response: RawReply, reply: AttemptReply | null, nowMs: number) {
  const status = response.status;
  const header = response.headers['retry-after'];
  const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : undefined, nowMs);
  if (status >= 200 && status < 300) {
    if (reply?.status !== undefined && (endpoint === 'change' || reply.dedup_key !== undefined)) {
      return { outcome: 'delivered' as const, retryAfterMs };
    }
    return {
      outcome: 'retryable' as const,
      retryAfterMs,
      failureCode: 'pagerduty_error' as const,
      detail: `PagerDuty answered HTTP ${status} with a reply that could not be understood, so delivery is not confirmed. Check the PagerDuty service, then try again.`,
    };
  }
  if (status === 400) {
    const reasons = reply?.errors?.length
      ? reply.errors.join('; ')
      : (reply?.message ?? 'PagerDuty refused the event.');
    return {
      outcome: 'rejected' as const,
      retryAfterMs,
      failureCode: mentionsKey(reasons) ? ('invalid_key' as const) : ('invalid_event' as const),
      detail: reasons,
    };
  }
  if (status === 429) {
    return {
      outcome: 'retryable' as const,
      retryAfterMs,
      failureCode: 'rate_limited' as const,
      detail: 'PagerDuty is receiving too many events for this Routing Key and asked to slow down.',
    };
  }
  return {
    outcome: 'retryable' as const,
    retryAfterMs,
    failureCode: 'pagerduty_error' as const,
    detail:
      status >= 500
        ? `PagerDuty is having trouble (HTTP ${status}).`
        : `PagerDuty answered HTTP ${status}, which this server does not expect. Check PAGERDUTY_EVENTS_URL and any proxy in between.`,
  };
}

function networkFailure(error: unknown, url: string, timeoutMs: number) {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {
      failureCode: 'timeout' as const,
      detail: `PagerDuty did not answer within ${timeoutMs / 1000} seconds. It may be slow or unreachable; try again in a minute.`,
    };
  }
  if (error instanceof BadReplyError) {
    return {
      failureCode: 'pagerduty_error' as const,
      detail: `PagerDuty's reply could not be read (${error.message.toLowerCase()}), so delivery is not confirmed. Try again in a minute.`,
    };
  }
  const own = isRecord(error) ? error : {};
  const cause = isRecord(own.cause) ? own.cause : {};
  const code = typeof own.code === 'string' ? own.code : typeof cause.code === 'string' ? cause.code : undefined;
  return {
    failureCode: 'unreachable' as const,
    detail: `Could not reach PagerDuty at ${new URL(url).origin}${code ? ` (${code})` : ''}. Check the network path from this server to PagerDuty and try again.`,
  };
}

/** The Events API v2 over plain node:http(s) (post-json.ts), one request per attempt. */
export function pagerDutyTransport(options: {
  baseUrl: () => string;
  timeoutMs: number;
  now?: () => number;
}): DeliveryTransport {
  const now = options.now ?? Date.now;
  return {
    async attempt(endpoint, event) {
      const url = options.baseUrl().replace(/\/+$/, '') + paths[endpoint];
      const started = performance.now();
      const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
      let response: RawReply;
      try {
        response = await postJson(url, JSON.stringify(event), options.timeoutMs);
      } catch (error) {
        return {
          outcome: 'retryable',
          httpStatus: null,
          durationMs: elapsed(),
          retryAfterMs: null,
          reply: null,
          ...networkFailure(error, url, options.timeoutMs),
        };
      }
      const reply = readReply(response.text, event.routing_key);
      return {
        httpStatus: response.status,
        durationMs: elapsed(),
        reply,
        ...classify(endpoint, response, reply, now()),
      };
    },
  };
}
