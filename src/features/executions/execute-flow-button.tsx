import PlayArrow from '@mui/icons-material/PlayArrow';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { triggerTypeLabels, type Flow, type Severity } from '../../api/contract';
import { apiRequest } from '../../api/http-client';
import { deliveryQueries, executionQueries } from '../../api/queries';
import { errorMessage } from '../../shared/errors';
import { isNotOffered } from '../../shared/not-offered';

const severityNames: Record<Severity, string> = {
  info: 'Info',
  warning: 'Warning',
  error: 'Error',
  critical: 'Critical',
};

/** "2 at Error, 1 at Info": what the confirmation says will be opened. */
export function severitySummary(flow: Pick<Flow, 'actions'>): string {
  const counts = new Map<Severity, number>();
  for (const a of flow.actions) counts.set(a.parameters.severity, (counts.get(a.parameters.severity) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} at ${severityNames[s]}`).join(', ');
}

/** **Execute**: runs the flow now, after saying plainly that it opens real incidents. */
export function ExecuteFlowButton({ flow, disabled }: { flow: Flow; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const execute = useMutation({
    mutationFn: () => apiRequest('executeFlow', { params: { id: flow.id }, body: {} }),
    onSuccess: async () => {
      setOpen(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: executionQueries.forFlow(flow.id).queryKey }),
        queryClient.invalidateQueries({ queryKey: deliveryQueries.all }),
      ]);
    },
  });
  const n = flow.actions.length;
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<PlayArrow aria-hidden />}
        onClick={() => {
          execute.reset();
          setOpen(true);
        }}
        disabled={disabled || n === 0}
      >
        Execute
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="execute-flow-title">
        <DialogTitle id="execute-flow-title">Execute “{flow.name}” now?</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <DialogContentText>
            This runs the flow as its trigger would and opens real PagerDuty incidents at the actions&apos; severities (
            {severitySummary(flow)}): whoever is on call may be paged now.
          </DialogContentText>
          {flow.trigger_type !== 'manual' && (
            <DialogContentText>
              Its trigger is {triggerTypeLabels[flow.trigger_type]}: the message tokens get sample values, as in a test.
            </DialogContentText>
          )}
          {execute.isError && (
            <Alert severity={isNotOffered(execute.error) ? 'info' : 'error'} role="alert">
              {isNotOffered(execute.error)
                ? 'This server does not offer flow executions.'
                : errorMessage(execute.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => execute.mutate()} loading={execute.isPending}>
            Execute and open {n === 1 ? 'the incident' : `${n} incidents`}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
