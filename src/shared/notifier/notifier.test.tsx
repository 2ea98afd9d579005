import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { InlineNotifications } from './inline-notifications';
import { NotifierProvider, useNotify, type Notification } from './notifier';

function Trigger({ notification, label = 'Go' }: { notification: Notification; label?: string }) {
  const notify = useNotify();
  return (
    <button type="button" onClick={() => notify(notification)}>
      {label}
    </button>
  );
}

describe('notifier', () => {
  it('toasts a message at the bottom left, away from side panels', async () => {
    render(
      <NotifierProvider>
        <Trigger notification={{ message: 'Saved', severity: 'success' }} />
      </NotifierProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('Saved');
    expect(toast.closest('.MuiSnackbar-root')).toHaveClass('MuiSnackbar-anchorOriginBottomLeft');
  });

  it('does not toast what the caller already shows inline', async () => {
    render(
      <NotifierProvider>
        <Trigger notification={{ message: 'Delivered', shownInline: true }} />
        <Trigger notification={{ message: 'Saved' }} label="Other" />
      </NotifierProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The toast itself still works: the silence came from the flag.
    await userEvent.click(screen.getByRole('button', { name: 'Other' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Saved');
  });

  it('shows notifications from inside an inline scope at its top, never as a toast', async () => {
    render(
      <NotifierProvider>
        <InlineNotifications>
          <Trigger notification={{ message: 'The Integration has been successfully created.' }} />
        </InlineNotifications>
      </NotifierProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('The Integration has been successfully created.');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(within(status).getByRole('button', { name: 'Close' }));
    expect(status).toBeEmptyDOMElement();
  });
});
