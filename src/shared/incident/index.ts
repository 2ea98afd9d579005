export { FollowUpOutcome, failureReason } from './follow-up-outcome';
export { useDeliveryAction, type FollowUp } from './use-delivery-action';
