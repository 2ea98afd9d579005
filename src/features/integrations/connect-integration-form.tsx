import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'wouter';
import type { Integration, IntegrationSpec } from '../../api/contract';
import { integrationQueries } from '../../api/queries';
import { descriptorFor } from '../../integrations';
import { QueryErrorAlert } from '../../shared/errors';
import { PageLoading } from '../../shared/page-loading';
import { SpecFields, toPayload, useSpecForm, type SpecFormValues } from '../../spec-form';
import { useCreateIntegration } from './integration-mutations';
import { PendingStatus } from './pending-status';
import { applySubmitError } from './submit-error';
import { useClearServerErrorsOnEdit } from './use-clear-server-errors';
import { useIntegrationSpec } from './use-integration-spec';
import { useFieldWidgets } from './use-field-widgets';
import { useFocusAfterSubmit } from './use-focus-after-submit';

export interface ConnectIntegrationFormProps {
  type: string;
  onConnected(integration: Integration): void;
  /** The form's title is the page heading unless a wizard around it has its own. */
  headingLevel?: 'h1' | 'h2';
  /** The submit button's name: "Create" as in the platform's dialog; a wizard's step says "Connect". */
  submitLabel?: string;
}

/** Step one of connecting: the type's spec as a form, and Create (which validates the credentials first). */
export function ConnectIntegrationForm(props: ConnectIntegrationFormProps) {
  const { type, onConnected, headingLevel = 'h1', submitLabel = 'Create' } = props;
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
      <title>{`Add ${spec.label} integration · Qualytics Integrations`}</title>
      {heading(`Add ${spec.label} integration`)}
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
      <ConnectForm spec={spec} onConnected={onConnected} submitLabel={submitLabel} />
    </Stack>
  );
}

interface ConnectFormProps {
  spec: IntegrationSpec;
  onConnected(integration: Integration): void;
  submitLabel: string;
}

const cancelledNote = 'Cancelled. Nothing was stored; the key is still in the box.';
const cancelledLate =
  'Cancelled too late: the service had already accepted the key, so the integration was created. Open its settings to change it.';

function ConnectForm({ spec, onConnected, submitLabel }: ConnectFormProps) {
  const form = useSpecForm(spec.properties, { mode: 'create' });
  useClearServerErrorsOnEdit(form);
  const create = useCreateIntegration();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [cancelNote, setCancelNote] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const { focusAfter, noteRef, errorRef, formRef } = useFocusAfterSubmit(create.isPending, form);
  const descriptor = descriptorFor(spec.type);
  const { ConnectHelp } = descriptor;
  const fieldWidgets = useFieldWidgets(descriptor);

  useEffect(() => {
    if (cancelNote) noteRef.current?.focus();
  }, [cancelNote, noteRef]);

  const whenCancelled = async () => {
    // The server stores nothing for a request it sees cancelled; if the answer had already been stored, the list says so.
    const list = await queryClient.fetchQuery({ ...integrationQueries.list(), staleTime: 0 }).catch(() => undefined);
    setCancelNote(list?.some((integration) => integration.type === spec.type) ? cancelledLate : cancelledNote);
  };

  const connect = (values: SpecFormValues) => {
    setFormError(null);
    setCancelNote(null);
    const controller = new AbortController();
    abort.current = controller;
    create.mutate(
      { body: { ...toPayload(spec.properties, values), type: spec.type }, signal: controller.signal },
      {
        onSuccess: (integration) => onConnected(integration),
        onError: (error) => {
          if (controller.signal.aborted) return void whenCancelled();
          const sentence = applySubmitError(spec.properties, error, form.setError, spec.type);
          focusAfter(sentence ? 'alert' : 'field');
          setFormError(sentence);
        },
      },
    );
  };

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        alignItems: 'start',
        gridTemplateColumns: { xs: '1fr', md: ConnectHelp ? '3fr 2fr' : '1fr' },
      }}
    >
      {/* Flat on a phone: inside the wizard's card a second card left the key box half the screen wide. */}
      <Paper variant="outlined" sx={{ p: { xs: 0, sm: 3 }, borderWidth: { xs: 0, sm: 1 } }}>
        <Box
          component="form"
          ref={formRef}
          noValidate
          onSubmit={(event) => void form.handleSubmit(connect)(event)}
          aria-label={`Connect ${spec.label}`}
        >
          <Stack spacing={2}>
            {formError && (
              <Alert severity="error" role="alert" ref={errorRef} tabIndex={-1}>
                {formError}
              </Alert>
            )}
            {cancelNote && (
              <Alert severity="info" role="status" ref={noteRef} tabIndex={-1}>
                {cancelNote}
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
                {submitLabel}
              </Button>
              {create.isPending ? (
                // Stops the wait for the service; the server stores nothing for a request it sees cancelled.
                <Button onClick={() => abort.current?.abort()}>Cancel</Button>
              ) : (
                <Button component={RouterLink} to="/integrations">
                  Cancel
                </Button>
              )}
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
