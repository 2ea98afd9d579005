import { retryWhen } from '../../shared/retry-when';
import type { Failure, FailureExplanation } from '../descriptor';

const tryLater = 'Try again in a minute. If it keeps happening, check status.pagerduty.com and your network.';
const whereKeysAre =
  'In PagerDuty, open Services > your service > Integrations > Events API v2 and copy the Integration Key: 32 letters and digits.';

/**
 * A routing key refused while it is being entered (connect, rotate, override), by PagerDuty's own words: its format
 * rules quoted by the server, or PagerDuty's "Invalid routing key".
 */
export function explainPagerDutyKeyRefusal(words: string): FailureExplanation {
  const action = `${whereKeysAre} Paste it here and try again.`;
  if (/length/i.test(words))
    return {
      title: 'Wrong routing key',
      saidBy: 'PagerDuty',
      meaning:
        'A routing key is exactly 32 letters and digits; this one is longer or shorter, often a partial copy or a different PagerDuty key (a REST API key or a service ID).',
      action,
    };
  if (/alphanumeric/i.test(words))
    return {
      title: 'Wrong routing key',
      saidBy: 'PagerDuty',
      meaning:
        'A routing key has only letters and digits; this one has other characters, such as spaces, hyphens or quotes picked up while copying.',
      action,
    };
  return {
    title: 'Wrong routing key',
    saidBy: 'PagerDuty',
    meaning: 'PagerDuty does not accept this routing key: it is mistyped, revoked, or its integration was deleted.',
    action,
  };
}

/** What each of the server's PagerDuty failure codes means and what to do about it. */
export function explainPagerDutyFailure({ code, retryAfter }: Failure, now: Date): FailureExplanation | undefined {
  switch (code) {
    case 'invalid_key':
      return {
        title: 'Wrong routing key',
        meaning: 'PagerDuty does not accept this routing key: it is mistyped, revoked, or its integration was deleted.',
        action: `${whereKeysAre} Put it in this action's Routing Key Override, or update the PagerDuty integration's key.`,
      };
    case 'rate_limited':
      return {
        title: 'Rate limited by PagerDuty',
        meaning: 'PagerDuty is receiving too many events for this routing key and refused this one for now.',
        action: `Try again ${retryWhen(retryAfter, now)}.`,
      };
    case 'timeout':
      return {
        title: 'PagerDuty did not answer in time',
        meaning:
          'The event was sent but no answer came back before the time limit; PagerDuty may be slow or unreachable, and it may have received the event.',
        action:
          'Check PagerDuty first: an incident may already be open for this event. If there is none, try again in a minute; if it keeps happening, check status.pagerduty.com and your network.',
      };
    case 'unreachable':
      return {
        title: 'PagerDuty unreachable',
        meaning: 'The server could not connect to PagerDuty (connection refused or name not found).',
        action: tryLater,
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
      return undefined;
  }
}
