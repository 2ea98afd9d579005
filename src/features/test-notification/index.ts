export { LastTest, isLastTestStale } from './last-test';
export { SendTest, type SendTestProps } from './send-test-button';
export { TestResultCard, type TestOutcome } from './test-result-card';
export { useSendTest } from './use-send-test';
