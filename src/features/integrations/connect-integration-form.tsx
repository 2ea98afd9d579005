import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Link as RouterLink } from 'wouter';
import type { Integration, IntegrationSpec } from '../../api/contract';
import { integrationQueries } from '../../api/queries';
import { descriptorFor } from '../../integrations';
import { QueryErrorAlert } from '../../shared/errors';
import { PageLoading } from '../../shared/page-loading';
import { SpecFields, toPayload, useSpecForm } from '../../spec-form';
import { useCreateIntegration } from './integration-mutations';
import { PendingStatus } from './pending-status';
import { applySubmitError } from './submit-error';
import { useClearServerErrorsOnEdit } from './use-clear-server-errors';
import { useIntegrationSpec } from './use-integration-spec';
import { useFieldWidgets } from './use-field-widgets';

export interface ConnectIntegrationFormProps {
  type: string;
  onConnected(integration: Integration): void;
  /** The form's title is the page heading unless a wizard around it has its own. */
  headingLevel?: 'h1' | 'h2';
}

/** Step one of connecting: the type's spec as a form, and Create (which validates the credentials first). */
export function ConnectIntegrationForm({ type, onConnected, headingLevel = 'h1' }: ConnectIntegrationFormProps) {
  const { spec, specs } = useIntegrationSpec(type);
  const integrations = useQuery(integrationQueries.list());
  const existing = integrations.data?.find((integration) => integration.type === type);

  const heading = (text: string) => (
    <Typography variant={headingLevel === 'h1' ? 'h1' : 'h2'} component={headingLevel}>
      {text}
    </Typography>
  );

  if (specs.isError)
    return (
      <Stack spacing={2}>
        {heading('Connect an integration')}
        <QueryErrorAlert
          error={specs.error}
          title="The integration could not be loaded"
          onRetry={() => void specs.refetch()}
        />
      </Stack>
    );
  if (specs.isPending) return <PageLoading label="Loading the integration" />;
  if (!spec || !spec.implemented)
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        {heading(spec ? `${spec.label} is coming soon` : 'Unknown integration')}
        <Typography>
          {spec
            ? `${spec.label} cannot be connected yet.`
            : `There is no integration of type “${type}”. Choose one from the catalog.`}
        </Typography>
        <Button component={RouterLink} to="/integrations" variant="outlined">
          Back to Integrations
        </Button>
      </Stack>
    );

  return (
    <Stack spacing={3}>
      <title>{`Add ${spec.label} Integration · Qualytics Integrations`}</title>
      {heading(`Add ${spec.label} Integration`)}
      {existing && (
        <Alert
          severity="info"
          action={
            <Button component={RouterLink} to={`/integrations/${existing.id}`} color="inherit" size="small">
              Open settings
            </Button>
          }
        >
          {spec.label} is already connected. To change its key, open its settings.
        </Alert>
      )}
      <ConnectForm spec={spec} onConnected={onConnected} />
    </Stack>
  );
}

function ConnectForm({ spec, onConnected }: { spec: IntegrationSpec; onConnected(integration: Integration): void }) {
  const form = useSpecForm(spec.properties, { mode: 'create' });
  useClearServerErrorsOnEdit(form);
  const create = useCreateIntegration();
  const [formError, setFormError] = useState<string | null>(null);
  const descriptor = descriptorFor(spec.type);
  const { ConnectHelp } = descriptor;
  const fieldWidgets = useFieldWidgets(descriptor);

  const submit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(
      { ...toPayload(spec.properties, values), type: spec.type },
      {
        onSuccess: (integration) => onConnected(integration),
        onError: (error) => setFormError(applySubmitError(spec.properties, error, form.setError, spec.type)),
      },
    );
  });

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        alignItems: 'start',
        gridTemplateColumns: { xs: '1fr', md: ConnectHelp ? '3fr 2fr' : '1fr' },
      }}
    >
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-label={`Connect ${spec.label}`}>
          <Stack spacing={2}>
            {formError && (
              <Alert severity="error" role="alert">
                {formError}
              </Alert>
            )}
            <SpecFields
              properties={spec.properties}
              form={form}
              disabled={create.isPending}
              idPrefix="connect"
              fieldWidgets={fieldWidgets}
            />
            {create.isPending && <PendingStatus message={descriptor.copy.validating(spec.label)} />}
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button type="submit" variant="contained" disabled={create.isPending}>
                Create
              </Button>
              <Button component={RouterLink} to="/integrations" disabled={create.isPending}>
                Cancel
              </Button>
            </Box>
          </Stack>
        </Box>
      </Paper>
      {ConnectHelp && (
        <Suspense fallback={null}>
          <ConnectHelp />
        </Suspense>
      )}
    </Box>
  );
}
