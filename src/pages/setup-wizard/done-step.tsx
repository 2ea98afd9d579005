import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useState, type MouseEvent } from 'react';
import { Link as RouterLink } from 'wouter';
import type { Severity } from '../../api/contract';
import { Fact, FactList } from '../../shared/fact-list';
import { useDeliveryAction } from '../../shared/incident';
import { useNavigate } from '../../shared/navigation';
import { useNotify } from '../../shared/notifier';

export interface DoneStepProps {
  flowId: number;
  flowName: string;
  integrationId: number | undefined;
  message: string;
  severity: Severity;
  keyLabel: string;
  tested: 'delivered' | 'failed' | null;
  /** The delivery of the wizard's delivered test: its incident is resolved on finishing unless unticked. */
  testDeliveryId?: number | undefined;
}

export function DoneStep(props: DoneStepProps) {
  const [resolveOnFinish, setResolveOnFinish] = useState(true);
  const resolve = useDeliveryAction();
  const navigate = useNavigate();
  const notify = useNotify();
  const testText =
    props.tested === 'delivered'
      ? 'Delivered to PagerDuty'
      : props.tested === 'failed'
        ? 'Not delivered (saved anyway)'
        : 'Not tested';
  const testIncident = props.tested === 'delivered' ? props.testDeliveryId : undefined;

  const needsResolve = testIncident !== undefined && resolveOnFinish && !resolve.isSuccess;
  // Plain links unless the test incident is to be resolved first: then the link waits for the resolve request.
  const finish = async (event: MouseEvent, to: string) => {
    if (!needsResolve || testIncident === undefined) return;
    event.preventDefault();
    try {
      await resolve.mutateAsync({ id: testIncident, action: 'resolve' });
      notify({ message: 'The test incident is being resolved in PagerDuty', severity: 'success' });
    } catch {
      // Finishing must not be held up by it: say so, and leave the incident to PagerDuty's own page.
      notify({ message: 'The test incident could not be resolved: resolve it in PagerDuty', severity: 'warning' });
    }
    navigate(to);
  };

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
      {testIncident !== undefined && (
        <FormControlLabel
          control={
            <Checkbox checked={resolveOnFinish} onChange={(event) => setResolveOnFinish(event.target.checked)} />
          }
          label="Resolve the test incident when I finish"
        />
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          component={RouterLink}
          to={`/flows/${props.flowId}`}
          onClick={(event: MouseEvent) => void finish(event, `/flows/${props.flowId}`)}
          loading={resolve.isPending}
        >
          Open the flow
        </Button>
        {props.integrationId !== undefined && (
          <Button
            variant="outlined"
            component={RouterLink}
            to={`/integrations/${props.integrationId}`}
            onClick={(event: MouseEvent) => void finish(event, `/integrations/${props.integrationId}`)}
            disabled={resolve.isPending}
          >
            PagerDuty integration settings
          </Button>
        )}
      </Box>
    </Box>
  );
}
