import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import type { Flow } from '../api/contract';
import { ExecuteFlowButton, ExecutionsList } from '../features/executions';

function List({ flow }: { flow: Flow }) {
  const labels = useMemo(
    () => new Map(flow.actions.map((a, i) => [a.id, `PagerDuty action ${i + 1} (“${a.tokenized_message}”)`])),
    [flow.actions],
  );
  return (
    <Paper variant="outlined" component="section" aria-labelledby="executions-title" sx={{ p: 2 }}>
      <Typography id="executions-title" variant="h2" sx={{ mb: 2 }}>
        Executions
      </Typography>
      <ExecutionsList flowId={flow.id} actionLabels={labels} />
    </Paper>
  );
}

/** The flow page's Execute button and Executions section, composed here so the page gains two lines. */
export const FlowExecutions = { Execute: ExecuteFlowButton, List };
