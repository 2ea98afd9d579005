import { describe, expect, it } from 'vitest';
import { toDraft } from '../../features/flow-actions';
import { clearDraft, emptyDraft, loadDraft, parseStep, saveDraft } from './wizard-storage';

describe('wizard storage', () => {
  it('round-trips a draft through sessionStorage', () => {
    const draft = {
      ...emptyDraft,
      flowChoice: { mode: 'new' as const, name: 'Nightly', trigger_type: 'operation' as const },
      action: {
        tokenized_message: 'Hi {{ flow_name }}',
        severity: 'error',
        custom_details: { rows: [], jsonText: null },
      },
      overrideTyped: true,
    };
    saveDraft('pagerduty', draft);
    expect(loadDraft('pagerduty')).toEqual(draft);
    clearDraft('pagerduty');
    expect(loadDraft('pagerduty')).toBeNull();
  });

  it('ignores a stored draft it cannot read', () => {
    sessionStorage.setItem('qualytics.setup-wizard.pagerduty', '{not json');
    expect(loadDraft('pagerduty')).toBeNull();
    sessionStorage.setItem('qualytics.setup-wizard.pagerduty', JSON.stringify({ flowChoice: 3 }));
    expect(loadDraft('pagerduty')).toBeNull();
  });

  it('never stores a routing key typed in the form', () => {
    const values = {
      tokenized_message: 'Hi',
      severity: 'info',
      custom_details: { rows: [], jsonText: null },
      routing_key: { state: 'empty', value: 'SECRETsecret0123456789abcdefWXYZ' },
    };
    saveDraft('pagerduty', { ...emptyDraft, action: toDraft(values), overrideTyped: true });
    const stored = sessionStorage.getItem('qualytics.setup-wizard.pagerduty') ?? '';
    expect(stored).toContain('Hi');
    expect(stored).not.toContain('SECRET');
    expect(stored).not.toContain('routing_key');
  });

  it('reads the step from the URL, defaulting to connect', () => {
    expect(parseStep('test')).toBe('test');
    expect(parseStep('bogus')).toBe('connect');
    expect(parseStep(null)).toBe('connect');
  });
});
