import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delivery } from '../../api/contract';
import { DeliveryTable } from './delivery-table';

const many = (n: number): Delivery[] =>
  Array.from({ length: n }, (_, i) => ({
    id: n - i,
    kind: 'trigger',
    status: 'delivered',
    integration_id: 1,
    flow_id: 3,
    action_id: 4,
    execution_id: i,
    key_source: 'integration',
    key_last4: 'abcd',
    dedup_key: `dedup-${i}`,
    event: null,
    incident_state: 'triggered',
    attempts: [],
    next_attempt_at: null,
    created: '2026-12-01T10:00:00Z',
    updated: '2026-12-01T10:00:00Z',
  }));

beforeEach(() => {
  // jsdom lays nothing out: give the scroll box the height a browser would.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

describe('DeliveryTable', () => {
  it('renders every row of a small log', () => {
    render(<DeliveryTable deliveries={many(40)} flowNames={new Map([[3, 'Orders']])} onOpen={() => undefined} />);
    expect(screen.getAllByRole('button', { name: /^Open Trigger delivery/ })).toHaveLength(40);
    expect(screen.getAllByText('Orders / action 4')).toHaveLength(40);
  });

  it('keeps only the rows in view in the DOM for tens of thousands of deliveries', () => {
    render(<DeliveryTable deliveries={many(50_000)} flowNames={new Map()} onOpen={() => undefined} />);
    const rows = screen.getAllByRole('button', { name: /^Open Trigger delivery/ });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Deliveries' })).toHaveAttribute('aria-rowcount', '50001');
  });
});
