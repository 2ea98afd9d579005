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
import { parseId, useNavigate } from '../shared/navigation';
import { isApiError } from '../api/api-error';
import { integrationQueries } from '../api/queries';
import { NotFoundView, QueryErrorAlert } from '../shared/errors';
import { PageLoading } from '../shared/page-loading';
import { Fact, FactList } from '../shared/fact-list';
import { DateTime } from '../shared/format';
import { DisconnectDialog } from '../features/integrations/disconnect-dialog';
import { IntegrationIcon } from '../features/integrations/integration-icon';
import { IntegrationSettingsForm } from '../features/integrations/integration-settings-form';
import { useIntegrationSpec } from '../features/integrations/use-integration-spec';
import { RefreshFailed } from './refresh-failed';
import { IntegrationDeliverySection } from './integration-delivery-section';

export function IntegrationSettingsPage() {
  const id = parseId(useParams().id);
  if (id === null) return <MissingIntegration />;
  return <IntegrationSettings id={id} />;
}

function MissingIntegration() {
  return (
    <NotFoundView
      what="Integration"
      explanation="This integration does not exist. It may have been disconnected."
      backTo="/integrations"
      backLabel="Back to Integrations"
    />
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
  // A failed refresh keeps what was loaded (and the form's edits): only a load with nothing to show stops the page.
  const error = (integration.data ? null : integration.error) ?? (specs.data ? null : specs.error);
  const refreshError = integration.error ?? specs.error;
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
  if (integration.data === undefined || specs.isPending) return <PageLoading label="Loading the integration" />;

  const data = integration.data;
  const label = spec?.label ?? data.type;

  return (
    <Stack spacing={3}>
      <title>{`Edit ${label} integration · Qualytics Integrations`}</title>
      {refreshError && (
        <RefreshFailed
          error={refreshError}
          onRetry={() => {
            void integration.refetch();
            void specs.refetch();
          }}
        />
      )}
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
          Edit {label} integration
        </Typography>
        <Button color="error" variant="outlined" onClick={() => setDisconnecting(true)}>
          Disconnect
        </Button>
      </Box>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <FactList>
          <Fact label="Type">{label}</Fact>
          <Fact label="Status">
            <Chip size="small" color="success" label="Connected" />
          </Fact>
          <Fact label="Created">
            <DateTime value={data.created} />
          </Fact>
          <Fact label="Last updated">
            <DateTime value={data.updated} />
          </Fact>
        </FactList>
      </Paper>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
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
          // Back where the user came from, with focus on its heading rather than the page body (WCAG 2.4.3).
          navigate('/integrations', { state: { focus: 'heading' } });
        }}
      />
    </Stack>
  );
}
