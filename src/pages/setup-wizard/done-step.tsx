import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'wouter';
import type { Severity } from '../../api/contract';
import { Fact, FactList } from '../../shared/fact-list';

export interface DoneStepProps {
  flowId: number;
  flowName: string;
  integrationId: number | undefined;
  message: string;
  severity: Severity;
  keyLabel: string;
  tested: 'delivered' | 'failed' | null;
}

export function DoneStep(props: DoneStepProps) {
  const testText =
    props.tested === 'delivered'
      ? 'Delivered to PagerDuty'
      : props.tested === 'failed'
        ? 'Not delivered (saved anyway)'
        : 'Not tested';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Alert severity="success">PagerDuty is set up: this flow now notifies PagerDuty when it runs.</Alert>
      <FactList aria-label="Summary">
        <Fact label="Flow">{props.flowName}</Fact>
        <Fact label="Message">{props.message}</Fact>
        <Fact label="Severity">{props.severity.charAt(0).toUpperCase() + props.severity.slice(1)}</Fact>
        <Fact label="Routing key">{props.keyLabel}</Fact>
        <Fact label="Test">{testText}</Fact>
      </FactList>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" component={RouterLink} to={`/flows/${props.flowId}`}>
          Open the flow
        </Button>
        {props.integrationId !== undefined && (
          <Button variant="outlined" component={RouterLink} to={`/integrations/${props.integrationId}`}>
            PagerDuty integration settings
          </Button>
        )}
      </Box>
    </Box>
  );
}
