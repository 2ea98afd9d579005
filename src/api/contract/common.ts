import { z } from './zod';

/** One FastAPI-style validation issue; `loc` names the field, e.g. ["body", "api_access_token"]. */
export const validationIssueSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/**
 * Why a PagerDuty call failed, so the UI can explain it and say what to do. Present on
 * 400/409/429/502/504 answers of the endpoints that talk to PagerDuty.
 */
export const pagerDutyFailureCodeSchema = z.enum([
  'invalid_key', // PagerDuty refused the routing key (malformed, unknown, revoked)
  'invalid_event', // PagerDuty refused the event for another reason
  'rate_limited', // 429 after brief retries
  'pagerduty_error', // 5xx after brief retries, or a reply we could not understand
  'unreachable', // connection refused, DNS failure
  'timeout', // no answer within the timeout
  'not_connected', // no integration key and no override
]);
export type PagerDutyFailureCode = z.infer<typeof pagerDutyFailureCodeSchema>;

/** PagerDuty's own reply, passed through verbatim where there was one. */
export const pagerDutyReplySchema = z.object({
  http_status: z.optional(z.int()),
  status: z.optional(z.string()),
  message: z.optional(z.string()),
  errors: z.optional(z.array(z.string())),
});
export type PagerDutyReply = z.infer<typeof pagerDutyReplySchema>;

/** Every error body: `detail` is a sentence, or a list of field issues (422, and 400 for a rejected key). */
export const errorBodySchema = z.object({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
  code: z.optional(pagerDutyFailureCodeSchema),
  pagerduty: z.optional(pagerDutyReplySchema),
  /** Seconds to wait before trying again (429). */
  retry_after: z.optional(z.number()),
  /**
   * A 409 for a stale write (the `If-Match` sent no longer matches): the object as it is now, so the
   * client can show what changed instead of overwriting it.
   */
  conflict: z.optional(z.object({ current: z.unknown() })),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const idParamsSchema = z.object({ id: z.coerce.number().check(z.int(), z.positive()) });

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
