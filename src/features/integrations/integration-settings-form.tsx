import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import { isApiError } from '../../api/api-error';
import type { Integration, IntegrationSpec, UpdateIntegrationRequest } from '../../api/contract';
import { descriptorFor } from '../../integrations';
import { buildDefaultValues, SpecFields, toPayload, useSpecForm } from '../../spec-form';
import { useUpdateIntegration } from './integration-mutations';
import { configuredSecretFields, currentValues } from './integration-model';
import { PendingStatus } from './pending-status';
import { applySubmitError } from './submit-error';
import { useClearServerErrorsOnEdit } from './use-clear-server-errors';
import { UnsavedChangesPrompt } from './unsaved-changes-prompt';
import { useFieldWidgets } from './use-field-widgets';

/** The connect form in edit mode: stored secrets show as Configured; Update sends only what changed. */
export function IntegrationSettingsForm({ spec, integration }: { spec: IntegrationSpec; integration: Integration }) {
  const current = useMemo(() => currentValues(spec.properties, integration), [spec.properties, integration]);
  const configuredSecrets = useMemo(
    () => configuredSecretFields(spec.properties, integration),
    [spec.properties, integration],
  );
  const form = useSpecForm(spec.properties, { mode: 'edit', current, configuredSecrets });
  useClearServerErrorsOnEdit(form);
  const update = useUpdateIntegration(spec, integration.id);
  const [formError, setFormError] = useState<string | null>(null);
  const { isDirty } = form.formState;
  const descriptor = descriptorFor(spec.type);
  const fieldWidgets = useFieldWidgets(descriptor);

  const submit = form.handleSubmit((values) => {
    setFormError(null);
    // toPayload yields only strings, numbers, booleans, null and plain objects: the contract's property values.
    const body = toPayload(spec.properties, values, {
      onlyDirty: form.formState.dirtyFields,
    }) as UpdateIntegrationRequest;
    update.mutate(
      { body, version: integration.updated },
      {
        onSuccess: (saved) => {
          // Back to the stored state: a replaced key shows as Configured again and the form is clean.
          form.reset(
            buildDefaultValues(spec.properties, {
              mode: 'edit',
              current: currentValues(spec.properties, saved),
              configuredSecrets: configuredSecretFields(spec.properties, saved),
            }),
          );
        },
        onError: (error) => {
          // A lost race is explained by the update hook's conflict dialog.
          if (isApiError(error) && error.kind === 'conflict') return;
          setFormError(applySubmitError(spec.properties, error, form.setError, spec.type));
        },
      },
    );
  });

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={`Edit ${spec.label} Integration`}
    >
      <Stack spacing={2}>
        {formError && (
          <Alert severity="error" role="alert">
            {formError}
          </Alert>
        )}
        <SpecFields
          properties={spec.properties}
          form={form}
          disabled={update.isPending}
          idPrefix="settings"
          fieldWidgets={fieldWidgets}
        />
        {update.isPending && <PendingStatus message={descriptor.copy.saving} />}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button type="submit" variant="contained" disabled={update.isPending}>
            Update
          </Button>
          <Button onClick={() => form.reset()} disabled={update.isPending || !isDirty}>
            Discard changes
          </Button>
        </Box>
      </Stack>
      <UnsavedChangesPrompt when={isDirty && !update.isPending} />
    </Box>
  );
}
