import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';
import type { TestNotificationRequest } from '../api/contract';

/** What a failure means and what to do, for a failure code of one integration type. */
export interface FailureExplanation {
  title: string;
  /** What it means. */
  meaning: string;
  /** What to do about it. */
  action: string;
  /** Whose words a quoted reason is ("PagerDuty said: …"). */
  saidBy?: string;
  /** Shown with a link to connect the integration. */
  connectLink?: boolean;
}

/** A failure as the server reported it: the type's own code, and how long to wait (429). */
export interface Failure {
  code: string;
  retryAfter?: number | undefined;
}

/**
 * Everything the generic integrations code needs to know about one type, so that it never names one (the lesson of
 * Grafana's `ChannelSubForm`). The spec from the server says which fields there are; the descriptor adds the
 * help, copy and behaviour a spec cannot carry. Every member but `type`, `Icon` and `copy` is optional.
 */
export interface IntegrationDescriptor {
  type: string;
  /** Decorative: the card's name says what it is. */
  Icon: ComponentType<SvgIconProps>;
  /** Shown beside the connect form (where to find the credentials). Lazy, so the catalog does not load it. */
  ConnectHelp?: ComponentType;
  copy: {
    /** While Create waits: the server checks the credentials first. `label` is the spec's. */
    validating(label: string): string;
    /** While Update waits. */
    saving: string;
  };
  /** The spec field whose value is chosen from `GET /api/alerting/{type}/list-channels`. */
  channelField?: string;
  /**
   * The flow action type that delivers through this integration (`action.type`): the disconnect dialog lists the
   * flows that would stop delivering, and the flow editor finds this type's action editor by it.
   */
  actionType?: string;
  /** Labels of this type's flow-action fields (keys as in the contract), for the "what changed" lines of a conflict. */
  actionFieldLabels?: Readonly<Record<string, string>>;
  /** Explains this type's failure codes; `undefined` for a code it does not know (a generic sentence is shown). */
  explainFailure?(failure: Failure, now: Date): FailureExplanation | undefined;
  /**
   * Explains a credential refused while it is being entered, from the service's own words (validation issues of
   * type `<type>.invalid_key`, or a refusal with code `invalid_key`).
   */
  explainKeyRefusal?(words: string): FailureExplanation;
  /**
   * The test notification Send test on the settings page sends to check the stored credentials themselves; a type
   * without one has no Send test there.
   */
  settingsTest?(): TestNotificationRequest;
}
