import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ConflictReport } from './conflict-provider';
import { describeChanges } from './describe-changes';

interface ConflictDialogProps {
  open: boolean;
  /** The last report shown; kept while the dialog fades out. */
  report: ConflictReport;
  onClose: () => void;
}

/** Says what changed on the server since this tab read the object, and offers to reload it. */
export function ConflictDialog({ open, report, onClose }: ConflictDialogProps) {
  // Without the server's current version (it is optional in the contract) there is nothing to compare.
  const changes = report.current === undefined ? null : describeChanges(report.base, report.current, report.labels);
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <DialogTitle id="conflict-title">Changed somewhere else</DialogTitle>
      <DialogContent>
        <DialogContentText id="conflict-text">
          This {report.what} was saved in another tab or by another person after you opened it, so your changes were not
          saved. {report.reloadNote ?? 'Reload to see the current version, then make your changes again.'}
        </DialogContentText>
        {changes === null ? null : changes.length > 0 ? (
          <ul aria-label="What changed">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <DialogContentText>No visible setting changed (a secret may have been replaced).</DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Keep editing</Button>
        <Button
          variant="contained"
          onClick={() => {
            report.onReload();
            onClose();
          }}
        >
          Reload
        </Button>
      </DialogActions>
    </Dialog>
  );
}
