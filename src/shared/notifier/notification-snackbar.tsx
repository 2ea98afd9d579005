import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import type { Notification } from './notifier';

interface NotificationSnackbarProps {
  notification: (Notification & { key: number }) | null;
  open: boolean;
  onClose(): void;
}

/** Its own chunk: no page needs a snackbar until something has been saved. */
export function NotificationSnackbar({ notification, open, onClose }: NotificationSnackbarProps) {
  return (
    <Snackbar
      key={notification?.key}
      open={open}
      autoHideDuration={6000}
      onClose={(_, reason) => reason !== 'clickaway' && onClose()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity={notification?.severity ?? 'success'} variant="filled" onClose={onClose} sx={{ width: '100%' }}>
        {notification?.message}
      </Alert>
    </Snackbar>
  );
}
