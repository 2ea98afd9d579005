import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import type { Notification } from './notifier';

interface NotificationSnackbarProps {
  notification: (Notification & { key: number }) | null;
  open: boolean;
  onClose(): void;
}

/**
 * Its own chunk: no page needs a snackbar until something has been saved. Placed where it covers no work: bottom
 * left on a wide screen (side panels and event previews sit on the right); while the app bar is compact (a phone,
 * 200% zoom) over the app bar at the top, since a bottom toast would sit on the very field being edited.
 */
export function NotificationSnackbar({ notification, open, onClose }: NotificationSnackbarProps) {
  return (
    <Snackbar
      key={notification?.key}
      open={open}
      autoHideDuration={6000}
      onClose={(_, reason) => reason !== 'clickaway' && onClose()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      sx={(theme) => ({
        [theme.breakpoints.down('md')]: { top: 4, bottom: 'auto', left: 8, right: 8 },
        [theme.breakpoints.up('md')]: { maxWidth: 480 },
      })}
    >
      <Alert
        severity={notification?.severity ?? 'success'}
        variant="filled"
        onClose={onClose}
        sx={(theme) => ({ width: '100%', [theme.breakpoints.down('md')]: { py: 0, alignItems: 'center' } })}
      >
        {notification?.message}
      </Alert>
    </Snackbar>
  );
}
