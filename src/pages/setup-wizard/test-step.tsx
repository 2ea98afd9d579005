import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { TestNotificationRequest } from '../../api/contract';
import { SendTest, type TestOutcome } from '../../features/test-notification';
import { ConfirmUntestedDialog } from './confirm-untested-dialog';

export interface TestStepProps {
  flowName: string | undefined;
  prepare(): Promise<TestNotificationRequest | null>;
  onOutcome(outcome: TestOutcome): void;
  /** Why saving now needs a confirmation; null after a successful test of these very settings. */
  untestedReason: 'never' | 'failed' | 'changed' | null;
  confirming: boolean;
  setConfirming(open: boolean): void;
  saving: boolean;
  saveError: string | null;
  onSave(): void;
  onBack(): void;
}

/** Step 3: Send test with its result; saving without a successful test asks first. */
export function TestStep(props: TestStepProps) {
  const finish = () => (props.untestedReason ? props.setConfirming(true) : props.onSave());
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        Send the notification as it is now to PagerDuty and see what the on-call person will get. Then save it to the
        flow{props.flowName ? ` “${props.flowName}”` : ''}.
      </Typography>
      <SendTest prepare={props.prepare} onOutcome={props.onOutcome} />
      {props.saveError && (
        <Alert severity="error" role="alert">
          {props.saveError}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button onClick={props.onBack}>Back</Button>
        <Button variant="contained" onClick={finish} loading={props.saving && !props.confirming}>
          Save and finish
        </Button>
      </Box>
      <ConfirmUntestedDialog
        open={props.confirming}
        reason={props.untestedReason ?? 'never'}
        onCancel={() => props.setConfirming(false)}
        onConfirm={props.onSave}
        saving={props.saving}
      />
    </Box>
  );
}
