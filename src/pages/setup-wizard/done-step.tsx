import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import type { Severity } from '../../api/contract';

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
      <Box
        component="dl"
        aria-label="Summary"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}
      >
        <Typography component="dt" color="text.secondary">
          Flow
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {props.flowName}
        </Typography>
        <Typography component="dt" color="text.secondary">
          Message
        </Typography>
        <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
          {props.message}
        </Typography>
        <Typography component="dt" color="text.secondary">
          Severity
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {props.severity.charAt(0).toUpperCase() + props.severity.slice(1)}
        </Typography>
        <Typography component="dt" color="text.secondary">
          Routing key
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {props.keyLabel}
        </Typography>
        <Typography component="dt" color="text.secondary">
          Test
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {testText}
        </Typography>
      </Box>
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
