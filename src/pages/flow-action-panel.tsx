import Button from '@mui/material/Button';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useState } from 'react';
import type { Flow, PagerDutyAction } from '../api/contract';
import { LeavePrompt } from '../shared/leave-prompt';
import { useNotify } from '../shared/notifier';
import {
  ActionDrawer,
  ActionEditor,
  clearActionDraft,
  keepAction,
  loadActionDraft,
  saveActionDraft,
  toActionInput,
  toDraft,
  useActionEditor,
  useUpdateFlow,
} from '../features/flow-actions';
import { ActionHealth } from '../features/delivery-health';
import { LastTest, SendTest } from '../features/test-notification';
import type { ActionDependencies } from './use-action-dependencies';

export const flowUpdatedMessage = 'The Flow has been successfully updated.';

export interface FlowActionPanelProps {
  flow: Flow;
  /** The action being edited; undefined to add one. */
  action?: PagerDutyAction;
  deps: ActionDependencies;
  onClose(): void;
}

/** "PagerDuty notification": the action editor with Send test and Save, in a side panel of the flow page. */
export function FlowActionPanel({ flow, action, deps, onClose }: FlowActionPanelProps) {
  const { properties } = deps;
  // Unsaved changes from before a reload (or a remount) of this tab come back until saved or discarded.
  const [restored] = useState(() => {
    const stored = loadActionDraft(flow.id);
    return stored && stored.actionId === (action?.id ?? null) ? stored : null;
  });
  const context = {
    triggerType: flow.trigger_type,
    tokens: deps.tokensFor(flow.trigger_type),
    allTokens: deps.allTokens,
    flowName: flow.name,
    flowId: flow.id,
    ...(action ? { actionId: action.id } : {}),
  };
  const editor = useActionEditor({ properties, context, action, restore: restored?.action });
  const { form, values, key } = editor;
  const update = useUpdateFlow(flow.id);
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const { isDirty } = form.formState;

  useEffect(() => {
    if (isDirty)
      saveActionDraft(flow.id, {
        actionId: action?.id ?? null,
        action: toDraft(values),
        overrideTyped: key.last4 !== undefined,
      });
  }, [isDirty, values, key.last4, flow.id, action?.id]);

  const close = () => {
    clearActionDraft(flow.id);
    onClose();
  };
  const requestClose = () => (isDirty ? setConfirmingClose(true) : close());

  const save = form.handleSubmit((submitted) => {
    setFormError(null);
    // Saving an unchanged action would only move the flow's "updated" time: say so and send nothing.
    if (action && !isDirty) {
      setUnchanged(true);
      return;
    }
    if (!editor.limitsOk(submitted)) {
      setFormError('The event breaks a PagerDuty limit: see the marked field.');
      return;
    }
    const edited = toActionInput(properties, submitted, action?.id);
    const actions = action
      ? flow.actions.map((a) => (a.id === action.id ? edited : keepAction(a)))
      : [...flow.actions.map(keepAction), edited];
    const index = action ? flow.actions.findIndex((a) => a.id === action.id) : actions.length - 1;
    update.mutate(
      { actions },
      {
        onSuccess: () => {
          notify({ message: flowUpdatedMessage, severity: 'success' });
          close();
        },
        onError: (error) => setFormError(editor.applySaveError(error, index)),
      },
    );
  });

  return (
    <ActionDrawer
      open
      onClose={requestClose}
      actions={
        <>
          <Button onClick={requestClose}>Cancel</Button>
          <Button variant="contained" onClick={() => void save()} loading={update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {restored && (
          <Alert severity="info">
            Your unsaved changes to this action were kept.
            {restored.overrideTyped && key.last4 === undefined
              ? ' Type the Routing Key Override again: keys are never kept in the browser.'
              : ''}
          </Alert>
        )}
        {unchanged && !isDirty && (
          <Alert severity="info" role="status">
            Nothing changed, so nothing was saved.
          </Alert>
        )}
        {formError && (
          <Alert severity="error" role="alert">
            {formError}
          </Alert>
        )}
        <ActionEditor
          form={form}
          properties={properties}
          integrationConnected={Boolean(deps.integration)}
          disabled={update.isPending}
          {...context}
        >
          {action && (
            <LastTest lastTest={action.last_test} currentFingerprint={editor.fingerprint} keyChanged={key.changed} />
          )}
          {action && <ActionHealth action={action} integrationId={deps.integration?.id} />}
          <SendTest prepare={editor.prepareTest} />
        </ActionEditor>
      </Box>
      <LeavePrompt
        when={isDirty && !update.isPending}
        title="Leave with unsaved changes?"
        message="The changes to this PagerDuty action are kept in this tab (except a routing key override) until you save or discard them."
      />
      <Dialog open={confirmingClose} onClose={() => setConfirmingClose(false)} aria-labelledby="discard-action-title">
        <DialogTitle id="discard-action-title">Discard your changes?</DialogTitle>
        <DialogContent>
          <DialogContentText>The changes to this PagerDuty action have not been saved.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setConfirmingClose(false)}>
            Keep editing
          </Button>
          <Button color="error" onClick={close}>
            Discard
          </Button>
        </DialogActions>
      </Dialog>
    </ActionDrawer>
  );
}
