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
import { parseId, useNavigate } from '../shared/navigation';
import { isApiError } from '../api/api-error';
import { triggerTypeLabels, type Flow, type PagerDutyAction } from '../api/contract';
import { flowQueries } from '../api/queries';
import { NotFoundView, QueryErrorAlert, errorMessage } from '../shared/errors';
import { useNotify } from '../shared/notifier';
import { PageLoading } from '../shared/page-loading';
import { DisabledReason, usePermission } from '../shared/permission';
import {
  DeleteFlowButton,
  FlowActionsList,
  keepAction,
  loadActionDraft,
  useUpdateFlow,
} from '../features/flow-actions';
import { FlowActionPanel, flowUpdatedMessage } from './flow-action-panel';
import { RefreshFailed } from './refresh-failed';
import { ActionHealth } from '../features/delivery-health';
import { FlowExecutions } from './flow-executions';
import { useActionDependencies, type ActionDependencies } from './use-action-dependencies';

type Editing = { kind: 'new' } | { kind: 'existing'; id: number } | null;

export function FlowDetailPage() {
  const { id } = useParams();
  const parsed = parseId(id);
  const valid = parsed !== null;
  const flowId = parsed ?? 0;
  const flow = useQuery({ ...flowQueries.detail(flowId), enabled: valid });
  const deps = useActionDependencies();
  const change = usePermission('updateFlow', 'change this flow');

  if (!valid || (isApiError(flow.error) && flow.error.kind === 'not_found')) return <MissingFlow />;
  // A failed refresh keeps the data it had (react-query keeps `data`): the page, and any form open on it, stays.
  if (flow.data === undefined) {
    if (flow.isError)
      return (
        <QueryErrorAlert error={flow.error} title="The flow could not be loaded" onRetry={() => void flow.refetch()} />
      );
    return <PageLoading label="Loading the flow" />;
  }
  if (deps.pending) return <PageLoading label="Loading the flow" />;
  // A Member may read flows but not the PagerDuty specs: show the flow, read-only.
  const forbidden = isApiError(deps.error) && deps.error.kind === 'forbidden';
  if (deps.error && !forbidden)
    return (
      <QueryErrorAlert error={deps.error} title="The PagerDuty settings could not be loaded" onRetry={deps.retry} />
    );
  const refreshError = flow.isError ? flow.error : deps.refreshError;
  return (
    <>
      {refreshError !== null && (
        <RefreshFailed
          error={refreshError}
          onRetry={() => {
            if (flow.isError) void flow.refetch();
            deps.retry();
          }}
        />
      )}
      <FlowDetail
        flow={flow.data}
        deps={deps}
        readOnly={forbidden || !change.allowed}
        readOnlyReason={change.reason ?? 'Manager permission required to change this flow.'}
      />
    </>
  );
}

function MissingFlow() {
  return (
    <NotFoundView
      what="Flow"
      explanation="This flow does not exist: it may have been deleted, or this server may not offer flows."
      backTo="/flows"
      backLabel="Back to Flows"
    />
  );
}

interface FlowDetailProps {
  flow: Flow;
  deps: ActionDependencies;
  readOnly: boolean;
  /** Said on hover and focus of what a read-only user cannot use. */
  readOnlyReason: string;
}

function FlowDetail({ flow, deps, readOnly, readOnlyReason }: FlowDetailProps) {
  // An edit kept from before a reload opens again, as long as its action still exists.
  const [editing, setEditing] = useState<Editing>(() => {
    const draft = readOnly ? null : loadActionDraft(flow.id);
    if (!draft) return null;
    if (draft.actionId === null) return { kind: 'new' };
    return flow.actions.some((a) => a.id === draft.actionId) ? { kind: 'existing', id: draft.actionId } : null;
  });
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
        {/* A basis, not `flex: 1`: at phone width the buttons wrap below, rather than squeeze the name to a letter a line. */}
        <Box sx={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Typography variant="h1">{flow.name}</Typography>
          <Typography color="text.secondary">Trigger: {triggerTypeLabels[flow.trigger_type]}</Typography>
        </Box>
        <FlowExecutions.Execute flow={flow} disabled={readOnly} />
        <DisabledReason reason={readOnly ? readOnlyReason : null}>
          <DeleteFlowButton
            flow={flow}
            disabled={readOnly}
            onDeleted={() => {
              notify({ message: 'The Flow has been successfully deleted.', severity: 'success' });
              navigate('/flows');
            }}
          />
        </DisabledReason>
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
          <Typography id="actions-title" variant="h2" sx={{ flex: '1 1 12rem' }}>
            PagerDuty actions
          </Typography>
          <DisabledReason reason={readOnly ? readOnlyReason : null}>
            <Button
              variant="contained"
              startIcon={<Add aria-hidden />}
              onClick={() => setEditing({ kind: 'new' })}
              disabled={deps.specMissing || readOnly}
            >
              Add PagerDuty action
            </Button>
          </DisabledReason>
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
          disabledReason={readOnly ? readOnlyReason : null}
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
