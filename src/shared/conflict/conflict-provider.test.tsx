import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConflictProvider, useShowConflict, type ConflictReport } from './conflict-provider';

function Trigger({ report }: { report: ConflictReport }) {
  const show = useShowConflict();
  return <button onClick={() => show(report)}>Save</button>;
}

describe('ConflictProvider', () => {
  it('shows what changed and reloads on request', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn();
    render(
      <ConflictProvider>
        <Trigger report={{ what: 'flow “Orders”', base: { name: 'Orders' }, current: { name: 'Sales' }, onReload }} />
      </ConflictProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changed somewhere else' });
    expect(dialog).toHaveTextContent('This flow “Orders” was saved in another tab');
    expect(screen.getByRole('list', { name: 'What changed' })).toHaveTextContent('Name: “Orders” → “Sales”');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('does not guess what changed when the server did not send its version, and says what Reload keeps', async () => {
    const user = userEvent.setup();
    render(
      <ConflictProvider>
        <Trigger report={{ what: 'x', base: {}, onReload: vi.fn(), reloadNote: 'Reload keeps what you typed here.' }} />
      </ConflictProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changed somewhere else' });
    expect(dialog).toHaveTextContent('Reload keeps what you typed here.');
    expect(dialog).not.toHaveTextContent('No visible setting changed');
    expect(screen.queryByRole('list', { name: 'What changed' })).toBeNull();
  });

  it('does nothing outside a provider', async () => {
    const user = userEvent.setup();
    render(<Trigger report={{ what: 'x', base: {}, current: {}, onReload: vi.fn() }} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
