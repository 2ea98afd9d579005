import { createContext, lazy, Suspense, use, useCallback, useState, type ReactNode } from 'react';

export interface ConflictReport {
  /** What was being saved, e.g. `flow “Orders”`. */
  what: string;
  /** The object the form was based on, and the object as the server holds it now (when the 409 carried it). */
  base: unknown;
  current?: unknown;
  /** How the changed keys are named to a person (`{ tokenized_message: 'Message' }`); others are humanised. */
  labels?: Readonly<Record<string, string>>;
  /** Puts the server's version in place of the stale one, so the form shows it. */
  onReload: () => void;
  /** What Reload does to the form, when it is not "shows the current version, make your changes again". */
  reloadNote?: string;
}

type ShowConflict = (report: ConflictReport) => void;

const ConflictContext = createContext<ShowConflict | null>(null);

// A lost race is rare: the dialog (and MUI's Dialog/Modal with it) loads on the first conflict, not with the shell.
const ConflictDialog = lazy(async () => ({ default: (await import('./conflict-dialog')).ConflictDialog }));

/**
 * One dialog for every save that lost a race: the server answered 409 because the object changed since this tab
 * read it. It says what changed and offers to reload; nothing is overwritten silently.
 */
export function ConflictProvider({ children }: { children: ReactNode }) {
  // The last report stays after closing so the dialog can fade out with its text.
  const [state, setState] = useState<{ report: ConflictReport; open: boolean } | null>(null);
  const show = useCallback<ShowConflict>((report) => setState({ report, open: true }), []);
  const close = useCallback(() => setState((current) => current && { ...current, open: false }), []);
  return (
    <ConflictContext value={show}>
      {children}
      {state && (
        <Suspense fallback={null}>
          <ConflictDialog open={state.open} report={state.report} onClose={close} />
        </Suspense>
      )}
    </ConflictContext>
  );
}

const ignore: ShowConflict = () => undefined;

/** Opens the conflict dialog; outside a ConflictProvider (isolated component tests) it does nothing. */
export function useShowConflict(): ShowConflict {
  return use(ConflictContext) ?? ignore;
}
