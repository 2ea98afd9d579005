import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PagerDutyAction } from '../../api/contract';
import { FlowActionsList } from './flow-actions-list';

const action = (id: number, override: boolean): PagerDutyAction => ({
  id,
  type: 'PagerDuty',
  tokenized_message: `Message ${id}`,
  parameters: { severity: 'error', custom_details: {}, routing_key_configured: override },
  last_test: null,
});

describe('FlowActionsList', () => {
  it('says in words which key each action uses', () => {
    render(
      <FlowActionsList
        actions={[action(1, false), action(2, true)]}
        integrationConnected
        onEdit={() => {}}
        onRemove={() => {}}
      />,
    );
    const [first, second] = screen.getAllByRole('listitem');
    expect(first).toHaveTextContent("Key: integration's key");
    expect(second).toHaveTextContent("Key: this action's override");
    expect(screen.queryByText(/Key: the integration's$/)).not.toBeInTheDocument();
  });

  it('shows the last test as a <time> with its zone', () => {
    const tested = {
      ...action(1, false),
      last_test: {
        at: '2026-03-12T10:30:00Z',
        outcome: 'delivered' as const,
        dedup_key: 'k',
        message: 'Notification successfully sent.',
        fingerprint: 'f',
      },
    };
    render(<FlowActionsList actions={[tested]} integrationConnected onEdit={() => {}} onRemove={() => {}} />);
    const time = screen.getByRole('listitem').querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2026-03-12T10:30:00.000Z');
    expect(time?.textContent).toMatch(/2026.*(UTC|GMT)/);
  });
});
