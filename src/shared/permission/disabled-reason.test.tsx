import Button from '@mui/material/Button';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DisabledReason } from './disabled-reason';

const reason = 'Manager permission required to create flows.';

function renderReason(text: string | null) {
  return render(
    <DisabledReason reason={text}>
      <Button disabled={text !== null}>Create flow</Button>
    </DisabledReason>,
  );
}

describe('DisabledReason', () => {
  it('adds nothing when there is no reason', () => {
    renderReason(null);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create flow' })).toBeEnabled();
  });

  it('shows the reason on hover and hides it when the pointer leaves', async () => {
    const user = userEvent.setup();
    renderReason(reason);
    const wrapper = screen.getByRole('group', { name: reason });
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.hover(wrapper);
    expect(screen.getByRole('tooltip')).toHaveTextContent(reason);
    expect(wrapper).toHaveAccessibleDescription(reason);
    await user.unhover(wrapper);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('shows it on keyboard focus; Escape and moving on hide it', async () => {
    const user = userEvent.setup();
    renderReason(reason);
    await user.tab();
    expect(screen.getByRole('group', { name: reason })).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(reason);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.tab({ shift: true });
    await user.tab();
    expect(screen.getByRole('tooltip')).toBeInTheDocument();
    await user.tab();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
