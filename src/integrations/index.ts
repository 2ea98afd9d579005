export type { Failure, FailureExplanation, IntegrationDescriptor } from './descriptor';
export {
  descriptorFor,
  descriptorForActionType,
  flowActionLabels,
  genericDescriptor,
  registerDescriptor,
} from './registry';
export { explainKeyIssues, keyRefusalText } from './explain-key-refusal';
