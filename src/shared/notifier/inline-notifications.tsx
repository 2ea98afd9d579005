import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useCallback, useState, type ReactNode } from 'react';
import { NotifyContext, type Notification, type Notify } from './notifier';

/**
 * A part of a page where what is worked on fills the screen (the setup wizard): notifications from inside it, such
 * as "The Integration has been successfully created.", show as one message at its top instead of a toast that
 * would cover the next step's fields.
 */
export function InlineNotifications({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Notification | null>(null);
  const notify = useCallback<Notify>((notification) => {
    if (!notification.shownInline) setCurrent(notification);
  }, []);
  return (
    <NotifyContext value={notify}>
      <Box role="status" sx={{ '&:not(:empty)': { mb: 2 } }}>
        {current && (
          <Alert severity={current.severity ?? 'success'} role="none" onClose={() => setCurrent(null)}>
            {current.message}
          </Alert>
        )}
      </Box>
      {children}
    </NotifyContext>
  );
}
