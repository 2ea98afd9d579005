import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { UseFormReturn } from 'react-hook-form';
import type { Flow, SpecProperty } from '../../api/contract';
import { ActionEditor, type EditorContext } from '../../features/flow-actions';
import type { SpecFormValues } from '../../spec-form';
import { FlowChoice } from './flow-choice';
import type { FlowChoice as Choice } from './wizard-storage';

export interface NotificationStepProps {
  choice: Choice;
  onChoiceChange(choice: Choice): void;
  choiceErrors: { name?: string; flowId?: string };
  flows: readonly Flow[];
  form: UseFormReturn<SpecFormValues>;
  properties: readonly SpecProperty[];
  context: EditorContext;
  integrationConnected: boolean;
  /** An override was typed before a reload, and is gone (it is never stored). */
  overrideLost: boolean;
  onBack(): void;
  onNext(): void;
}

/** Step 2: which flow, and the PagerDuty action editor with its live preview. */
export function NotificationStep(props: NotificationStepProps) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      {props.overrideLost && (
        <Alert severity="info">
          A routing key override is never kept across a reload: type it again if this notification needs one.
        </Alert>
      )}
      <FlowChoice
        value={props.choice}
        onChange={props.onChoiceChange}
        flows={props.flows}
        errors={props.choiceErrors}
      />
      <ActionEditor
        form={props.form}
        properties={props.properties}
        integrationConnected={props.integrationConnected}
        {...props.context}
      />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button onClick={props.onBack}>Back</Button>
        <Button variant="contained" onClick={props.onNext}>
          Next: Send test
        </Button>
      </Box>
    </Box>
  );
}
