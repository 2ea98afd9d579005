import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId } from 'react';
import { useBlocker } from '../navigation';

interface LeavePromptProps {
  /** Ask only while this is true (e.g. the form is dirty). */
  when: boolean;
  title: string;
  message: string;
  /** Also ask the browser before closing or reloading the tab (work that would be lost). */
  guardUnload?: boolean;
}

/**
 * Asks before navigating to another page of the app. Moving within the same path (e.g. between
 * the wizard's steps, which live in the query string) is never blocked.
 */
export function LeavePrompt({ when, title, message, guardUnload = false }: LeavePromptProps) {
  const titleId = useId();
  const blocker = useBlocker((current, next) => when && current.pathname !== next.pathname);

  useEffect(() => {
    if (!when || !guardUnload) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when, guardUnload]);

  return (
    <Dialog open={blocker.state === 'blocked'} onClose={() => blocker.reset()} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{message}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset()} variant="contained">
          Stay
        </Button>
        <Button onClick={() => blocker.proceed()} color="error">
          Leave
        </Button>
      </DialogActions>
    </Dialog>
  );
}
