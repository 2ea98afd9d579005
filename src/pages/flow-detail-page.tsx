import Add from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'wouter';
import { useNavigate } from '../shared/navigation';
import { isApiError } from '../api/api-error';
import { triggerTypeLabels, type Flow, type PagerDutyAction } from '../api/contract';
import { flowQueries } from '../api/queries';
import { QueryErrorAlert, errorMessage } from '../shared/errors';
import { useNotify } from '../shared/notifier';
import { PageLoading } from '../shared/page-loading';
import { isNotOffered, NotOffered } from '../shared/not-offered';
import { DeleteFlowButton, FlowActionsList, keepAction, useUpdateFlow } from '../features/flow-actions';
import { ActionHealth } from '../features/delivery-health';
import { FlowActionPanel, flowUpdatedMessage } from './flow-action-panel';
import { FlowExecutions } from './flow-executions';
import { useActionDependencies, type ActionDependencies } from './use-action-dependencies';

type Editing = { kind: 'new' } | { kind: 'existing'; id: number } | null;

export function FlowDetailPage() {
  const { id } = useParams();
  const flowId = Number(id);
  const valid = Number.isInteger(flowId) && flowId > 0;
  const flow = useQuery({ ...flowQueries.detail(flowId), enabled: valid });
  const deps = useActionDependencies();

  if (!valid) return <Alert severity="error">“{id}” is not a flow id.</Alert>;
  // A 404 is a flow that is gone, or a server that has no flows at all (one with only the brief's endpoints).
  if (isNotOffered(flow.error)) return <NotOffered what={`a flow ${flowId} (it may have been deleted)`} />;
  if (flow.isPending || deps.pending) return <PageLoading label="Loading the flow" />;
  if (flow.isError)
    return (
      <QueryErrorAlert error={flow.error} title="The flow could not be loaded" onRetry={() => void flow.refetch()} />
    );
  // A Member may read flows but not the PagerDuty specs: show the flow, read-only.
  const forbidden = isApiError(deps.error) && deps.error.kind === 'forbidden';
  if (deps.error && !forbidden)
    return (
      <QueryErrorAlert error={deps.error} title="The PagerDuty settings could not be loaded" onRetry={deps.retry} />
    );
  return <FlowDetail flow={flow.data} deps={deps} readOnly={forbidden} />;
}

function FlowDetail({ flow, deps, readOnly }: { flow: Flow; deps: ActionDependencies; readOnly: boolean }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<PagerDutyAction | null>(null);
  const update = useUpdateFlow(flow.id);
  const notify = useNotify();
  const navigate = useNavigate();
  // Unknown to a Member: then nothing is flagged rather than everything.
  const connected = readOnly || Boolean(deps.integration);
  const editedAction = editing?.kind === 'existing' ? flow.actions.find((a) => a.id === editing.id) : undefined;

  const remove = () => {
    if (!removing) return;
    update.mutate(
      { actions: flow.actions.filter((a) => a.id !== removing.id).map(keepAction) },
      {
        onSuccess: () => {
          setRemoving(null);
          notify({ message: flowUpdatedMessage, severity: 'success' });
        },
        // A lost race is explained by useUpdateFlow's conflict dialog; anything else in a snackbar.
        onError: (error) => {
          if (!isApiError(error) || error.kind !== 'conflict')
            notify({ message: errorMessage(error), severity: 'error' });
        },
      },
    );
  };

  return (
    <Stack spacing={3}>
      <title>{`${flow.name} · Flows · Qualytics Integrations`}</title>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to="/flows">
          Flows
        </Link>
        <Typography color="text.primary">{flow.name}</Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1">{flow.name}</Typography>
          <Typography color="text.secondary">Trigger: {triggerTypeLabels[flow.trigger_type]}</Typography>
        </Box>
        <FlowExecutions.Execute flow={flow} disabled={readOnly} />
        <DeleteFlowButton
          flow={flow}
          disabled={readOnly}
          onDeleted={() => {
            notify({ message: 'The Flow has been successfully deleted', severity: 'success' });
            navigate('/flows');
          }}
        />
      </Box>
      {!connected && (
        <Alert severity="warning">
          PagerDuty is not connected: actions without a routing key override cannot deliver.{' '}
          <Link component={RouterLink} to="/integrations/pagerduty/connect">
            Connect PagerDuty
          </Link>
        </Alert>
      )}
      <Paper variant="outlined" component="section" aria-labelledby="actions-title" sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 2, flexWrap: 'wrap' }}>
          <Typography id="actions-title" variant="h2" sx={{ flex: 1 }}>
            PagerDuty actions
          </Typography>
          <Button
            variant="contained"
            startIcon={<Add aria-hidden />}
            onClick={() => setEditing({ kind: 'new' })}
            disabled={deps.specMissing || readOnly}
          >
            Add PagerDuty action
          </Button>
        </Box>
        {readOnly && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Manager permission required to change this flow&apos;s PagerDuty actions.
          </Alert>
        )}
        {deps.specMissing && (
          <Alert severity="error">
            The server offers no PagerDuty action specification, so actions cannot be edited.
          </Alert>
        )}
        <FlowActionsList
          actions={flow.actions}
          integrationConnected={connected}
          onEdit={(action) => setEditing({ kind: 'existing', id: action.id })}
          onRemove={setRemoving}
          disabled={deps.specMissing || readOnly || update.isPending}
          renderStatus={(action) => <ActionHealth action={action} integrationId={deps.integration?.id} />}
        />
      </Paper>
      <FlowExecutions.List flow={flow} />
      {editing && !readOnly && (editing.kind === 'new' || editedAction) && (
        <FlowActionPanel
          key={editing.kind === 'new' ? 'new' : editing.id}
          flow={flow}
          action={editedAction}
          deps={deps}
          onClose={() => setEditing(null)}
        />
      )}
      <Dialog open={removing !== null} onClose={() => setRemoving(null)} aria-labelledby="remove-action-title">
        <DialogTitle id="remove-action-title">Remove this PagerDuty action?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            “{removing?.tokenized_message}” will no longer be sent when this flow runs.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={remove} loading={update.isPending}>
            Remove
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
