import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { describeChanges } from './describe-changes';

export interface ConflictReport {
  /** What was being saved, e.g. `flow “Orders”`. */
  what: string;
  /** The object the form was based on, and the object as the server holds it now. */
  base: unknown;
  current: unknown;
  /** Puts the server's version in place of the stale one, so the form shows it. */
  onReload: () => void;
}

type ShowConflict = (report: ConflictReport) => void;

const ConflictContext = createContext<ShowConflict | null>(null);

/**
 * One dialog for every save that lost a race: the server answered 409 because the object changed since this tab
 * read it. It says what changed and offers to reload; nothing is overwritten silently.
 */
export function ConflictProvider({ children }: { children: ReactNode }) {
  const [report, setReport] = useState<ConflictReport | null>(null);
  const show = useCallback<ShowConflict>((next) => setReport(next), []);
  const value = useMemo(() => show, [show]);
  const changes = report ? describeChanges(report.base, report.current) : [];
  const close = () => setReport(null);
  return (
    <ConflictContext value={value}>
      {children}
      <Dialog open={report !== null} onClose={close} aria-labelledby="conflict-title" aria-describedby="conflict-text">
        <DialogTitle id="conflict-title">Changed somewhere else</DialogTitle>
        <DialogContent>
          <DialogContentText id="conflict-text">
            This {report?.what} was saved in another tab or by another person after you opened it, so your changes were
            not saved. Reload to see the current version, then make your changes again.
          </DialogContentText>
          {changes.length > 0 ? (
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
          <Button onClick={close}>Keep editing</Button>
          <Button
            variant="contained"
            onClick={() => {
              report?.onReload();
              close();
            }}
          >
            Reload
          </Button>
        </DialogActions>
      </Dialog>
    </ConflictContext>
  );
}

const ignore: ShowConflict = () => undefined;

/** Opens the conflict dialog; outside a ConflictProvider (isolated component tests) it does nothing. */
export function useShowConflict(): ShowConflict {
  return use(ConflictContext) ?? ignore;
}
