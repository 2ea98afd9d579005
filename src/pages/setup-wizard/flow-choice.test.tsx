import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { flowWithPagerDuty } from '../../shared/testing/samples';
import { FlowChoice } from './flow-choice';

const quiet = { ...flowWithPagerDuty, id: 8, name: 'Quiet flow', actions: [] };

describe('FlowChoice', () => {
  it('says that choosing a flow that already pages adds a second PagerDuty action', () => {
    const flows = [flowWithPagerDuty, quiet];
    const { rerender } = render(
      <FlowChoice
        value={{ mode: 'existing', flowId: flowWithPagerDuty.id }}
        onChange={vi.fn()}
        flows={flows}
        errors={{}}
      />,
    );
    expect(
      screen.getByText(
        `“${flowWithPagerDuty.name}” already has a PagerDuty action; this adds a second one, and both send.`,
      ),
    ).toBeInTheDocument();

    rerender(
      <FlowChoice value={{ mode: 'existing', flowId: quiet.id }} onChange={vi.fn()} flows={flows} errors={{}} />,
    );
    expect(screen.queryByText(/already has/)).not.toBeInTheDocument();
  });
});
