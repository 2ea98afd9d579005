import ArrowBack from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'wouter';
import { useNavigate } from '../shared/navigation';
import { isApiError } from '../api/api-error';
import { integrationQueries } from '../api/queries';
import { QueryErrorAlert } from '../shared/errors';
import { PageLoading } from '../shared/page-loading';
import { Fact, FactList } from '../shared/fact-list';
import { DisconnectDialog } from '../features/integrations/disconnect-dialog';
import { IntegrationIcon } from '../features/integrations/integration-icon';
import { formatDateTime } from '../features/integrations/integration-model';
import { IntegrationSettingsForm } from '../features/integrations/integration-settings-form';
import { useIntegrationSpec } from '../features/integrations/use-integration-spec';
import { IntegrationDeliverySection } from './integration-delivery-section';

function parseId(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

export function IntegrationSettingsPage() {
  const id = parseId(useParams().id);
  if (id === null) return <MissingIntegration />;
  return <IntegrationSettings id={id} />;
}

function MissingIntegration() {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <title>Integration not found · Qualytics Integrations</title>
      <Typography variant="h1">Integration not found</Typography>
      <Typography>This integration does not exist. It may have been disconnected.</Typography>
      <Button component={RouterLink} to="/integrations" variant="contained">
        Back to Integrations
      </Button>
    </Stack>
  );
}

function IntegrationSettings({ id }: { id: number }) {
  // The integration and the (cached) catalog load in parallel; the type only picks an entry of the catalog.
  const integration = useQuery(integrationQueries.detail(id));
  const { spec, specs } = useIntegrationSpec(integration.data?.type);
  const [disconnecting, setDisconnecting] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const disconnected = useRef(false);
  // Dropped only once this page is gone: removing it while still observed would refetch it, and get a 404.
  useEffect(
    () => () => {
      if (disconnected.current) queryClient.removeQueries({ queryKey: integrationQueries.detail(id).queryKey });
    },
    [queryClient, id],
  );

  if (isApiError(integration.error) && integration.error.kind === 'not_found') return <MissingIntegration />;
  const error = integration.error ?? specs.error;
  if (error)
    return (
      <Stack spacing={2}>
        <Typography variant="h1">Integration settings</Typography>
        <QueryErrorAlert
          error={error}
          title="The integration could not be loaded"
          onRetry={() => {
            if (integration.isError) void integration.refetch();
            if (specs.isError) void specs.refetch();
          }}
        />
      </Stack>
    );
  if (!integration.isSuccess || specs.isPending) return <PageLoading label="Loading the integration" />;

  const data = integration.data;
  const label = spec?.label ?? data.type;

  return (
    <Stack spacing={3}>
      <title>{`Edit ${label} Integration · Qualytics Integrations`}</title>
      <Link
        component={RouterLink}
        to="/integrations"
        sx={{ alignSelf: 'flex-start', display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
      >
        <ArrowBack fontSize="small" aria-hidden />
        Back to Integrations
      </Link>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <IntegrationIcon type={data.type} color="primary" fontSize="large" />
        <Typography variant="h1" sx={{ flexGrow: 1 }}>
          Edit {label} Integration
        </Typography>
        <Button color="error" variant="outlined" onClick={() => setDisconnecting(true)}>
          Disconnect
        </Button>
      </Box>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <FactList>
          <Fact label="Type">{label}</Fact>
          <Fact label="Status">
            <Chip size="small" color="success" label="Connected" />
          </Fact>
          <Fact label="Created">
            <time dateTime={data.created}>{formatDateTime(data.created)}</time>
          </Fact>
          <Fact label="Last updated">
            <time dateTime={data.updated}>{formatDateTime(data.updated)}</time>
          </Fact>
        </FactList>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          Settings
        </Typography>
        {spec ? (
          <IntegrationSettingsForm spec={spec} integration={data} />
        ) : (
          <Typography>This console does not know the settings of “{data.type}”.</Typography>
        )}
      </Paper>
      <IntegrationDeliverySection integration={data} />
      <DisconnectDialog
        integration={data}
        label={label}
        open={disconnecting}
        onClose={() => setDisconnecting(false)}
        onDisconnected={() => {
          disconnected.current = true;
          navigate('/integrations');
        }}
      />
    </Stack>
  );
}
