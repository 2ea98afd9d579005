import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { Flow } from '../../api/contract';
import { useDeleteFlow } from './use-flow-mutations';

/** Delete a flow, after saying what stops: its PagerDuty notifications. */
export function DeleteFlowButton({ flow, onDeleted, disabled }: { flow: Flow; onDeleted(): void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteFlow();
  const count = flow.actions.length;
  return (
    <>
      <Button color="error" variant="outlined" onClick={() => setOpen(true)} disabled={disabled}>
        Delete flow
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="delete-flow-title">
        <DialogTitle id="delete-flow-title">Delete “{flow.name}”?</DialogTitle>
        <DialogContent>
          {remove.isError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {remove.error.message}
            </Alert>
          )}
          <DialogContentText>
            {count === 0
              ? 'The flow has no PagerDuty actions.'
              : `Its ${count === 1 ? 'PagerDuty action' : `${count} PagerDuty actions`} will stop sending notifications.`}{' '}
            This cannot be undone.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            color="error"
            loading={remove.isPending}
            onClick={() => remove.mutate(flow.id, { onSuccess: onDeleted })}
          >
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
