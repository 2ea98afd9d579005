import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { executionQueries, flowQueries, integrationQueries } from '../../api/queries';
import { QueryErrorAlert } from '../../shared/errors';
import { formatInstant } from '../../shared/format';
import { isNotOffered, NotOffered } from '../../shared/not-offered';
import { executionStatusLabels, isUnderway, nodeStatusLabels } from './describe-execution';

export const executionPollMs = 1500;

export interface ExecutionsListProps {
  flowId: number;
  /** What to call each action (its message), by id. */
  actionLabels: ReadonlyMap<number, string>;
}

/** The flow's latest executions and each action's node state, live while one is underway and still otherwise. */
export function ExecutionsList({ flowId, actionLabels }: ExecutionsListProps) {
  const queryClient = useQueryClient();
  const executions = useQuery({
    ...executionQueries.forFlow(flowId),
    refetchInterval: (query) => (query.state.data?.items.some(isUnderway) ? executionPollMs : false),
  });
  // Which executions have finished: when that changes, the actions' and the integration's health have moved.
  const finished =
    executions.data?.items
      .filter((e) => !isUnderway(e))
      .map((e) => e.id)
      .join(',') ?? null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (finished === null) return;
    if (seen.current !== null && seen.current !== finished) {
      void queryClient.invalidateQueries({ queryKey: flowQueries.detail(flowId).queryKey });
      void queryClient.invalidateQueries({ queryKey: integrationQueries.all });
    }
    seen.current = finished;
  }, [finished, queryClient, flowId]);

  if (executions.isError)
    return isNotOffered(executions.error) ? (
      <NotOffered what="flow executions" />
    ) : (
      <QueryErrorAlert
        error={executions.error}
        title="The executions could not be loaded"
        onRetry={() => void executions.refetch()}
      />
    );
  if (executions.isPending) return <Typography role="status">Loading executions…</Typography>;
  if (executions.data.items.length === 0)
    return <Typography color="text.secondary">This flow has not run yet.</Typography>;
  return (
    <List aria-label="Executions" disablePadding sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {executions.data.items.map((execution) => (
        <ListItem
          key={execution.id}
          aria-label={`Execution ${execution.id}: ${executionStatusLabels[execution.status]}`}
          sx={{ flexDirection: 'column', alignItems: 'stretch', border: 1, borderColor: 'divider', borderRadius: 1 }}
        >
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
            <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {executionStatusLabels[execution.status]}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              started {formatInstant(execution.created)}
              {execution.finished ? `, finished ${formatInstant(execution.finished)}` : ''}
            </Typography>
          </Box>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {execution.actions.map((node) => (
              <Typography component="li" variant="body2" key={node.action_id}>
                {actionLabels.get(node.action_id) ?? `Action ${node.action_id}`}: {nodeStatusLabels[node.status]}
                {node.detail ? ` — ${node.detail}` : ''}
              </Typography>
            ))}
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
