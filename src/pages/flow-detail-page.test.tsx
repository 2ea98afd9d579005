import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../api/mock-fetch';
import { renderWithProviders } from '../shared/testing/render-with-providers';
import { FlowDetailPage } from './flow-detail-page';

const dependencies = {
  'GET /api/flows/actions/notification/specifications': { body: [] },
  'GET /api/flows/actions/notification/tokens': { body: [] },
  'GET /api/integrations': { body: [] },
};

describe('FlowDetailPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the not-found page for a flow that does not exist, not a Retry', async () => {
    mockApi({ ...dependencies, 'GET /api/flows/999': { status: 404, body: { detail: 'Flow 999 not found' } } });
    renderWithProviders(<FlowDetailPage />, { path: '/flows/999', route: '/flows/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Flow not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Flows' })).toHaveAttribute('href', '/flows');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows the same page for an address that cannot be a flow', async () => {
    mockApi(dependencies);
    renderWithProviders(<FlowDetailPage />, { path: '/flows/abc', route: '/flows/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Flow not found' })).toBeInTheDocument();
  });
});
