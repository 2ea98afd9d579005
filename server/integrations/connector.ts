import type {
  ActionNotificationSpec,
  Integration,
  IntegrationSpec,
  PagerDutyFailureCode,
  PagerDutyReply,
  TestNotificationResponse,
  ValidationIssue,
} from '../../src/api/contract';
import type { Config } from '../config';
import type { UnsavedTests } from '../handlers/unsaved-tests';
import type { DeliveryModule } from '../delivery/delivery-module';
import type { HttpError } from '../http/http-error';
import type { HandlerContext } from '../http/register-endpoints';
import type { RateLimiter } from '../http/rate-limiter';
import type { FlowsStore } from '../store/flows-store';
import type { IntegrationsStore } from '../store/integrations-store';

/** What a failed call to an integration's service means, in words a person can act on. */
export interface PagerDutyFailure {
  code: Exclude<PagerDutyFailureCode, 'not_connected'>;
  /** Plain-English explanation, or the service's own reasons verbatim for a 400. */
  detail: string;
  reply?: PagerDutyReply;
  retryAfterSeconds?: number;
}

export type DeliveryEndpoint = 'enqueue' | 'change';

/**
 * One try at delivering an event, never retried inside: the outbox decides when to try again.
 * `delivered` = accepted (202); `rejected` = refused for good (400: the event or key is wrong);
 * `retryable` = 429, 5xx, timeout, connection refused, or a reply that could not be read.
 */
export interface AttemptResult {
  outcome: 'delivered' | 'rejected' | 'retryable';
  /** null when no HTTP answer arrived (timeout, refused, cut off). */
  httpStatus: number | null;
  durationMs: number;
  /** The service's own Retry-After; null when it sent none (the outbox then backs off on its own). */
  retryAfterMs: number | null;
  reply: { status?: string; message?: string; errors?: string[]; dedup_key?: string } | null;
  /** Set unless delivered. */
  failure?: PagerDutyFailure;
}

/** The server's parts a connector may use; the same object the generic handlers get. */
export interface ConnectorServices {
  config: Config;
  integrations: IntegrationsStore;
  flows: FlowsStore;
  testLimiter: RateLimiter;
  /** Every event sent goes through here, so it is recorded as a delivery (with its attempts and health). */
  delivery: Pick<DeliveryModule, 'sendNow'>;
  /** Tests of actions not saved yet (the wizard tests before it saves), for the save that follows to record. */
  unsavedTests: UnsavedTests;
}

export interface CredentialCheck {
  /** `connect`: a new integration; `rotate`: some secret of an existing one changed; `verify`: the stored ones. */
  reason: 'connect' | 'rotate' | 'verify';
  /** Set for `verify`: the secrets are the stored ones, so the check counts for this integration's health. */
  integrationId?: number;
  services: ConnectorServices;
}

/** The delivery that recorded a credential check; the handler adopts it once the candidate secrets are stored. */
export interface CredentialProof {
  deliveryId: number;
}

/**
 * Everything one integration type brings to the server. The generic handlers look a connector
 * up by type (or by its action spec's type) in the registry and never name a type themselves.
 */
export interface Connector {
  readonly type: string;
  readonly spec: IntegrationSpec;
  /** The flow action this type contributes, if any. */
  readonly actionSpec?: ActionNotificationSpec;
  /**
   * Proves the secrets work before anything is stored; throws the HttpError to answer. Gets only
   * the secrets of the request (keyed by request key): on update, the ones being changed.
   */
  validateCredentials(secrets: Record<string, string>, check: CredentialCheck): Promise<CredentialProof | void>;
  /** One delivery attempt, never retried (the outbox's transport); absent for types that cannot deliver yet. */
  send?(endpoint: DeliveryEndpoint, event: object, routingKey?: string): Promise<AttemptResult>;
  /** `integration`: the stored one of this type, or null when it is not connected. */
  listChannels(
    integration: Integration | null,
    services: ConnectorServices,
  ): Promise<{ id: string; name: string }[]> | { id: string; name: string }[];
  /** The HTTP answer for a failed call; with `field`, a 400 is located on that request key. */
  failureToHttpError(failure: PagerDutyFailure, field?: string): HttpError;
  /** Problems in a flow action's parameters, checked on save (no call to the service). */
  actionIssues?(parameters: Record<string, unknown>, loc: (string | number)[]): ValidationIssue[];
  /** Sends a test of a flow action (`POST /api/flows/actions/test-notification`). */
  testAction?(
    ctx: Pick<HandlerContext<'testNotification'>, 'body' | 'user' | 'request'>,
    services: ConnectorServices,
  ): Promise<TestNotificationResponse>;
}
