import type { ApiError } from '../../api/api-error';

export interface FailureExplanation {
  title: string;
  /** What it means. */
  meaning: string;
  /** What to do about it. */
  action: string;
  /** Shown with a link to connect PagerDuty. */
  connectLink?: boolean;
}

/** Seconds -> "in 30 seconds (at 10:31:05)", so the user knows when a retry can work. */
export function retryWhen(retryAfter: number | undefined, now: Date = new Date()): string {
  if (retryAfter === undefined) return 'in a minute';
  const at = new Date(now.getTime() + retryAfter * 1000);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const wait = retryAfter < 90 ? `${Math.ceil(retryAfter)} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
  return `in ${wait} (at ${time})`;
}

/** Turns a failed test into what it means and what to do, by the server's PagerDuty failure code. */
export function explainFailure(error: ApiError, now: Date = new Date()): FailureExplanation {
  switch (error.code) {
    case 'invalid_key':
      return {
        title: 'Wrong routing key',
        meaning: 'PagerDuty does not accept this routing key: it is mistyped, revoked, or its integration was deleted.',
        action:
          "In PagerDuty, open Services > your service > Integrations > Events API v2 and copy the Integration Key. Put it in this action's Routing Key Override, or update the PagerDuty integration's key.",
      };
    case 'rate_limited':
      return {
        title: 'Rate limited by PagerDuty',
        meaning: 'PagerDuty is receiving too many events for this routing key and refused this one for now.',
        action: `Try again ${retryWhen(error.retryAfter, now)}.`,
      };
    case 'timeout':
      return {
        title: 'PagerDuty did not answer in time',
        meaning:
          'The event was sent but no answer came back before the time limit; PagerDuty may be slow or unreachable.',
        action: 'Try again in a minute. If it keeps happening, check status.pagerduty.com and your network.',
      };
    case 'unreachable':
      return {
        title: 'PagerDuty unreachable',
        meaning: 'The server could not connect to PagerDuty (connection refused or name not found).',
        action: 'Try again in a minute. If it keeps happening, check status.pagerduty.com and your network.',
      };
    case 'pagerduty_error':
      return {
        title: 'PagerDuty had a problem',
        meaning: 'PagerDuty answered with a server error, or with something that could not be understood.',
        action: 'Try again in a minute. If it keeps happening, check status.pagerduty.com.',
      };
    case 'not_connected':
      return {
        title: 'PagerDuty is not connected',
        meaning:
          'There is no PagerDuty integration and this action has no routing key override, so there is nowhere to send.',
        action: 'Connect PagerDuty, or give this action a Routing Key Override.',
        connectLink: true,
      };
    case 'invalid_event':
      return {
        title: 'PagerDuty refused the event',
        meaning: 'PagerDuty found something wrong with the event itself.',
        action: "Read PagerDuty's reason above, then fix the Message or the Additional Details and test again.",
      };
    default:
      return {
        title: 'The test was not sent',
        meaning: error.detail,
        action:
          error.kind === 'network' || error.kind === 'server' || error.kind === 'timeout'
            ? 'Try again in a moment.'
            : 'Fix what is described above and test again.',
      };
  }
}
