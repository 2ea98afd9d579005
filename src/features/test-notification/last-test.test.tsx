import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testFingerprint, type LastTest as LastTestRecord } from '../../api/contract';
import { LastTest } from './last-test';

const settings = {
  tokenized_message: 'Anomaly in {{ datastore_name }}',
  severity: 'error',
  custom_details: { b: 1, a: 'x' },
  key_source: 'integration' as const,
};
const lastTest: LastTestRecord = {
  at: '2026-03-12T10:30:00Z',
  outcome: 'delivered',
  dedup_key: 'qualytics-test-7',
  message: 'Notification successfully sent.',
  fingerprint: testFingerprint(settings),
};

describe('LastTest', () => {
  it('shows when, the outcome and the dedup key of a current test', () => {
    render(
      <LastTest
        lastTest={lastTest}
        currentFingerprint={testFingerprint({ ...settings, custom_details: { a: 'x', b: 1 } })}
      />,
    );
    const group = screen.getByRole('group', { name: 'Last test' });
    expect(group).toHaveTextContent('Delivered');
    expect(group).toHaveTextContent('qualytics-test-7');
    expect(screen.queryByText(/Stale/)).not.toBeInTheDocument();
  });

  it('names the moment with its zone, the exact time on hover, and no dangling colon', () => {
    render(<LastTest lastTest={lastTest} currentFingerprint={lastTest.fingerprint} />);
    const time = screen.getByRole('group', { name: 'Last test' }).querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2026-03-12T10:30:00.000Z');
    expect(time?.textContent).toMatch(/2026.*(UTC|GMT)/);
    expect(time).toHaveAttribute('title', expect.stringMatching(/10:30:00/));
    expect(time?.parentElement?.textContent).not.toMatch(/:\s*$/);
  });

  it('is stale once the message changed', () => {
    render(
      <LastTest lastTest={lastTest} currentFingerprint={testFingerprint({ ...settings, tokenized_message: 'new' })} />,
    );
    expect(screen.getByText('Stale: settings changed since this test')).toBeInTheDocument();
  });

  it('is stale once the key source changed', () => {
    render(
      <LastTest lastTest={lastTest} currentFingerprint={testFingerprint({ ...settings, key_source: 'override' })} />,
    );
    expect(screen.getByText(/Stale/)).toBeInTheDocument();
  });

  it('is stale while the override is being replaced, even with the same fingerprint', () => {
    render(<LastTest lastTest={lastTest} currentFingerprint={lastTest.fingerprint} keyChanged />);
    expect(screen.getByText(/Stale/)).toBeInTheDocument();
  });

  it('says so when the action was never tested', () => {
    render(<LastTest lastTest={null} currentFingerprint="x" />);
    expect(screen.getByText('Last test: never tested.')).toBeInTheDocument();
  });

  it('shows the reason of a failed test', () => {
    render(
      <LastTest
        lastTest={{ ...lastTest, outcome: 'failed', dedup_key: undefined, message: 'Invalid routing key' }}
        currentFingerprint={lastTest.fingerprint}
      />,
    );
    expect(screen.getByRole('group', { name: 'Last test' })).toHaveTextContent('FailedInvalid routing key');
  });
});
