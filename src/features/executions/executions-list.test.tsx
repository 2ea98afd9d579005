import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Execution } from '../../api/contract';
import { mockApi } from '../../api/mock-fetch';
import { renderWithProviders } from '../../shared/testing/render-with-providers';
import { executionPollMs, ExecutionsList } from './executions-list';

const execution = (status: Execution['status'], node: Execution['actions'][number]['status']): Execution => ({
  id: 1,
  flow_id: 3,
  status,
  created: '2026-12-01T10:00:00Z',
  finished: status === 'running' ? null : '2026-12-01T10:00:01Z',
  actions: [
    { action_id: 4, status: node, delivery_id: 9, detail: null },
    { action_id: 5, status: 'skipped', delivery_id: null, detail: 'PagerDuty is not connected' },
  ],
});

const labels = new Map([
  [4, 'PagerDuty action 1'],
  [5, 'PagerDuty action 2'],
]);

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const executionReads = (api: ReturnType<typeof mockApi>) =>
  api.calls().filter((c) => c === 'GET /api/flows/3/executions').length;

describe('ExecutionsList', () => {
  it('polls while an execution runs, shows each node state and why, and stops once it has finished', async () => {
    const answers = [execution('running', 'pending'), execution('running', 'running'), execution('success', 'success')];
    const api = mockApi({
      'GET /api/flows/3/executions': () => ({
        body: { items: [answers.shift() ?? execution('success', 'success')], next_cursor: null },
      }),
      'GET /api/flows/3': { status: 404, body: { detail: 'not in this test' } },
      'GET /api/integrations': { body: [] },
    });
    renderWithProviders(<ExecutionsList flowId={3} actionLabels={labels} />);
    expect(await screen.findByText('PagerDuty action 1: Pending')).toBeInTheDocument();
    expect(screen.getByText('PagerDuty action 2: Skipped — PagerDuty is not connected')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(executionPollMs));
    expect(await screen.findByText('PagerDuty action 1: Running')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(executionPollMs));
    expect(await screen.findByText('PagerDuty action 1: Success')).toBeInTheDocument();
    const reads = executionReads(api);
    await act(() => vi.advanceTimersByTimeAsync(executionPollMs * 10));
    expect(executionReads(api)).toBe(reads);
  });

  it('asks once and never again when nothing is underway', async () => {
    const api = mockApi({
      'GET /api/flows/3/executions': { body: { items: [execution('failure', 'failure')], next_cursor: null } },
    });
    renderWithProviders(<ExecutionsList flowId={3} actionLabels={labels} />);
    expect(await screen.findByText('PagerDuty action 1: Failure')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(executionPollMs * 10));
    expect(executionReads(api)).toBe(1);
  });

  it('says calmly that a server without executions does not offer them', async () => {
    mockApi({ 'GET /api/flows/3/executions': { status: 404, body: { detail: 'Not Found' } } });
    renderWithProviders(<ExecutionsList flowId={3} actionLabels={labels} />);
    expect(await screen.findByText('This server does not offer flow executions.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
