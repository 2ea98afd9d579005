import type { PagerDutyFailureCode, PagerDutyReply } from '../../src/api/contract';
import { isRecord, parseJsonOrUndefined } from '../json-utils';
import { BadReplyError, postJson, type RawReply } from './post-json';

export type PagerDutyEndpoint = 'enqueue' | 'change';

export interface PagerDutyAccepted {
  status: string;
  message: string;
  dedup_key?: string;
}

export interface PagerDutyFailure {
  code: Exclude<PagerDutyFailureCode, 'not_connected'>;
  /** Plain-English explanation, or PagerDuty's own reasons verbatim for a 400. */
  detail: string;
  reply?: PagerDutyReply;
  retryAfterSeconds?: number;
}

export type SendOutcome = { ok: true; reply: PagerDutyAccepted } | { ok: false; failure: PagerDutyFailure };

export interface EventsClientOptions {
  /** Resolved per call: the mounted simulator's port is only known once the server listens. */
  baseUrl: () => string;
  timeoutMs: number;
  retryDelayMs: number;
}

export interface EventsClient {
  send(endpoint: PagerDutyEndpoint, event: { routing_key: string } & Record<string, unknown>): Promise<SendOutcome>;
}

const paths: Record<PagerDutyEndpoint, string> = { enqueue: '/v2/enqueue', change: '/v2/change/enqueue' };
const MAX_ATTEMPTS = 3;
/** PagerDuty sends no Retry-After; its limits are per minute, so half a minute is an honest hint. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * Sends one event to PagerDuty's Events API v2. 429 and 5xx are retried at most twice, briefly,
 * because a person is waiting; timeouts and unreachable hosts are not retried.
 */
export function createEventsClient(options: EventsClientOptions): EventsClient {
  return {
    async send(endpoint, event) {
      const url = options.baseUrl().replace(/\/+$/, '') + paths[endpoint];
      const body = JSON.stringify(event);
      for (let attempt = 1; ; attempt++) {
        let response: RawReply;
        try {
          response = await postJson(url, body, options.timeoutMs);
        } catch (error) {
          const failure = networkFailure(error, url);
          if (failure.code === 'timeout') {
            failure.detail = `PagerDuty did not answer within ${options.timeoutMs / 1000} seconds. It may be slow or unreachable; try again in a minute.`;
          }
          return { ok: false, failure };
        }
        const { text } = response;
        const reply = readReply(response.status, text, event.routing_key);
        const retryable = response.status === 429 || response.status >= 500;
        if (retryable && attempt < MAX_ATTEMPTS) {
          await sleep(options.retryDelayMs * attempt);
          continue;
        }
        if (response.status >= 200 && response.status < 300) {
          const parsed = parseJsonOrUndefined(text);
          const valid =
            isRecord(parsed) &&
            typeof parsed.status === 'string' &&
            (endpoint === 'change' || typeof parsed.dedup_key === 'string');
          if (valid) {
            return {
              ok: true,
              reply: {
                status: parsed.status as string,
                message: typeof parsed.message === 'string' ? parsed.message : '',
                ...(typeof parsed.dedup_key === 'string' ? { dedup_key: parsed.dedup_key } : {}),
              },
            };
          }
          return {
            ok: false,
            failure: {
              code: 'pagerduty_error',
              detail: `PagerDuty answered HTTP ${response.status} with a reply that could not be understood, so delivery is not confirmed. Check the PagerDuty service, then try again.`,
              reply,
            },
          };
        }
        if (response.status === 429) {
          const header = response.headers['retry-after'];
          const seconds = retryAfter(typeof header === 'string' ? header : null);
          return {
            ok: false,
            failure: {
              code: 'rate_limited',
              detail: `PagerDuty is receiving too many events for this Routing Key and asked to slow down. Try again in ${seconds} seconds.`,
              reply,
              retryAfterSeconds: seconds,
            },
          };
        }
        if (response.status === 400) {
          const reasons = reply.errors?.length
            ? reply.errors.join('; ')
            : (reply.message ?? 'PagerDuty refused the event.');
          const keyProblem = mentionsKey(reasons);
          return { ok: false, failure: { code: keyProblem ? 'invalid_key' : 'invalid_event', detail: reasons, reply } };
        }
        return {
          ok: false,
          failure: {
            code: 'pagerduty_error',
            detail:
              response.status >= 500
                ? `PagerDuty is having trouble (HTTP ${response.status}, still failing after ${MAX_ATTEMPTS} tries). Try again in a few minutes.`
                : `PagerDuty answered HTTP ${response.status}, which this server does not expect. Check PAGERDUTY_EVENTS_URL and any proxy in between.`,
            reply,
          },
        };
      }
    },
  };
}
