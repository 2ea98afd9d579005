import Button from '@mui/material/Button';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { isApiError } from '../api/api-error';
import type { Flow, PagerDutyAction } from '../api/contract';
import { useNotify } from '../shared/notifier';
import {
  ActionDrawer,
  ActionEditor,
  currentFingerprint,
  keepAction,
  keyChoice,
  previewOf,
  toActionInput,
  toTestRequest,
  useActionForm,
  useUpdateFlow,
} from '../features/flow-actions';
import { ActionHealth } from '../features/delivery-health';
import { LastTest, SendTest } from '../features/test-notification';
import { applyServerErrors, type SpecFormValues } from '../spec-form';
import type { ActionDependencies } from './use-action-dependencies';

export const flowUpdatedMessage = 'The Flow has been successfully updated';

export interface FlowActionPanelProps {
  flow: Flow;
  /** The action being edited; undefined to add one. */
  action?: PagerDutyAction;
  deps: ActionDependencies;
  onClose(): void;
}

/** "PagerDuty Settings": the action editor with Send test and Save, in a side panel of the flow page. */
export function FlowActionPanel({ flow, action, deps, onClose }: FlowActionPanelProps) {
  const { properties } = deps;
  const form = useActionForm(properties, action);
  const values = useWatch({ control: form.control }) as SpecFormValues;
  const update = useUpdateFlow(flow.id);
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const { isDirty } = form.formState;
  const requestClose = () => (isDirty ? setConfirmingClose(true) : onClose());
  const context = {
    triggerType: flow.trigger_type,
    tokens: deps.tokensFor(flow.trigger_type),
    allTokens: deps.allTokens,
    flowName: flow.name,
    flowId: flow.id,
  };

  const limitsOk = (v: SpecFormValues) => previewOf(properties, v, context).problems.length === 0;

  const prepare = async () => {
    if (!(await form.trigger())) return null;
    const current = form.getValues();
    if (!limitsOk(current)) return null;
    return toTestRequest(properties, current, { ...context, actionId: action?.id });
  };

  const save = form.handleSubmit((submitted) => {
    setFormError(null);
    if (!limitsOk(submitted)) {
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
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error)) return setFormError('The action could not be saved.');
          // A lost race is explained by useUpdateFlow's conflict dialog.
          if (error.kind === 'conflict') return;
          // Only the issues about this action go onto its fields.
          const mine = error.fieldErrors.filter((i) => i.loc[2] === undefined || i.loc[2] === index);
          const messageIssues = mine.filter((i) => i.loc.at(-1) === 'tokenized_message');
          for (const issue of messageIssues) form.setError('tokenized_message', { type: 'server', message: issue.msg });
          const rest = applyServerErrors(
            properties,
            mine.filter((i) => !messageIssues.includes(i)),
            form.setError,
          );
          if (rest.length > 0 || error.fieldErrors.length === 0) setFormError(rest.join(' ') || error.detail);
        },
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
            <LastTest
              lastTest={action.last_test}
              currentFingerprint={currentFingerprint(properties, values)}
              keyChanged={keyChoice(values.routing_key).changed}
            />
          )}
          {action && <ActionHealth action={action} integrationId={deps.integration?.id} />}
          <SendTest prepare={prepare} />
        </ActionEditor>
      </Box>
      <Dialog open={confirmingClose} onClose={() => setConfirmingClose(false)} aria-labelledby="discard-action-title">
        <DialogTitle id="discard-action-title">Discard your changes?</DialogTitle>
        <DialogContent>
          <DialogContentText>The changes to this PagerDuty action have not been saved.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setConfirmingClose(false)}>
            Keep editing
          </Button>
          <Button color="error" onClick={onClose}>
            Discard
          </Button>
        </DialogActions>
      </Dialog>
    </ActionDrawer>
  );
}
