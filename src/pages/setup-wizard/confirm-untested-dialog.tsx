import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

export interface ConfirmUntestedDialogProps {
  open: boolean;
  reason: 'never' | 'failed' | 'changed';
  onCancel(): void;
  onConfirm(): void;
  saving: boolean;
}

const reasons = {
  never: 'You have not sent a test yet.',
  failed: 'The last test was not delivered.',
  changed: 'The notification changed since the last successful test.',
};

export function ConfirmUntestedDialog({ open, reason, onCancel, onConfirm, saving }: ConfirmUntestedDialogProps) {
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="confirm-untested-title">
      <DialogTitle id="confirm-untested-title">Save without a successful test?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {reasons[reason]} Without one, you cannot be sure PagerDuty will receive this flow&apos;s notifications.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} variant="contained">
          Go back and test
        </Button>
        <Button onClick={onConfirm} loading={saving}>
          Save anyway
        </Button>
      </DialogActions>
    </Dialog>
  );
}
