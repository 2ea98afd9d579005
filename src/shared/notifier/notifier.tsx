import type { AlertColor } from '@mui/material/Alert';
import { createContext, lazy, Suspense, use, useCallback, useMemo, useState, type ReactNode } from 'react';

export interface Notification {
  message: string;
  severity?: AlertColor;
  /**
   * The caller already shows this message on the page, where the user is looking: no toast repeats it. (A toast is
   * for what would otherwise go unseen, such as a save that closed the panel it came from.)
   */
  shownInline?: boolean;
}

export type Notify = (notification: Notification) => void;

export const NotifyContext = createContext<Notify | null>(null);

const NotificationSnackbar = lazy(async () => ({
  default: (await import('./notification-snackbar')).NotificationSnackbar,
}));

export function NotifierProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<(Notification & { key: number }) | null>(null);
  const [open, setOpen] = useState(false);
  const notify = useCallback<Notify>((notification) => {
    if (notification.shownInline) return;
    setCurrent({ ...notification, key: Date.now() });
    setOpen(true);
  }, []);
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext value={value}>
      {children}
      {current && (
        <Suspense fallback={null}>
          <NotificationSnackbar notification={current} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </NotifyContext>
  );
}

export function useNotify(): Notify {
  const notify = use(NotifyContext);
  if (!notify) throw new Error('useNotify must be used inside <NotifierProvider>');
  return notify;
}
