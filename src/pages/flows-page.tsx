import Add from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from '../shared/navigation';
import { flowQueries } from '../api/queries';
import { QueryErrorAlert } from '../shared/errors';
import { isNotOffered, NotOffered } from '../shared/not-offered';
import { useNotify } from '../shared/notifier';
import { PageLoading } from '../shared/page-loading';
import { DisabledReason, usePermission } from '../shared/permission';
import { CreateFlowDialog, FlowsTable } from '../features/flow-actions';

export function FlowsPage() {
  const flows = useQuery(flowQueries.list());
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const notify = useNotify();
  const create = usePermission('createFlow', 'create flows');

  return (
    <Stack spacing={3}>
      <title>Flows · Qualytics Integrations</title>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1" sx={{ flex: 1 }}>
          Flows
        </Typography>
        <DisabledReason reason={create.reason}>
          <Button
            variant="contained"
            startIcon={<Add aria-hidden />}
            onClick={() => setCreating(true)}
            disabled={!create.allowed}
          >
            Create flow
          </Button>
        </DisabledReason>
      </Box>
      <Typography color="text.secondary">
        A flow starts on a trigger (an anomaly, an operation, a schedule…) and sends its PagerDuty notifications.
      </Typography>
      {flows.isPending ? (
        <PageLoading label="Loading flows" />
      ) : isNotOffered(flows.error) ? (
        <NotOffered what="flows" />
      ) : flows.isError ? (
        <QueryErrorAlert
          error={flows.error}
          title="The flows could not be loaded"
          onRetry={() => void flows.refetch()}
        />
      ) : (
        <Paper variant="outlined">
          <FlowsTable flows={flows.data} />
        </Paper>
      )}
      <CreateFlowDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(flow) => {
          setCreating(false);
          notify({ message: 'The Flow has been successfully created.', severity: 'success' });
          navigate(`/flows/${flow.id}`);
        }}
      />
    </Stack>
  );
}
