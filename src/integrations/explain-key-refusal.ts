import type { ValidationIssue } from '../api/contract';
import type { FailureExplanation } from './descriptor';
import { descriptorFor } from './registry';

/** The explanation as lines under a field: what is wrong and why, what to do, then the service's own words. */
export function keyRefusalText(explanation: FailureExplanation, words: string): string {
  return [
    `${explanation.title}: ${explanation.meaning}`,
    `What to do: ${explanation.action}`,
    `${explanation.saidBy ?? 'The service'} said: “${words}”`,
  ].join('\n');
}

/**
 * Validation issues whose type names an integration's refused key (`pagerduty.invalid_key`) get that type's
 * explanation, with the service's words kept verbatim beneath; every other issue is returned as it came.
 */
export function explainKeyIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const match = /^(.+)\.invalid_key$/.exec(issue.type ?? '');
    const descriptor = match ? descriptorFor(match[1]!) : undefined;
    const explanation = descriptor?.explainKeyRefusal?.(issue.msg);
    if (!explanation) return issue;
    return { ...issue, msg: keyRefusalText(explanation, issue.msg) };
  });
}
