import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import { isApiError } from '../../api/api-error';
import type { Integration, IntegrationSpec, UpdateIntegrationRequest } from '../../api/contract';
import { descriptorFor } from '../../integrations';
import { buildDefaultValues, SpecFields, toPayload, useSpecForm, type SpecFormValues } from '../../spec-form';
import { useUpdateIntegration } from './integration-mutations';
import { configuredSecretFields, currentValues } from './integration-model';
import { PendingStatus } from './pending-status';
import { applySubmitError } from './submit-error';
import { useClearServerErrorsOnEdit } from './use-clear-server-errors';
import { UnsavedChangesPrompt } from './unsaved-changes-prompt';
import { useFieldWidgets } from './use-field-widgets';
import { useFocusAfterSubmit } from './use-focus-after-submit';

/**
 * What a save stored, in words: a replaced secret by its last four characters, taken from what was typed (the server
 * never sends a secret back) and only once the server says one is configured. The whole key is never kept.
 */
function savedMessage(spec: IntegrationSpec, values: SpecFormValues, saved: Integration): string {
  const stored = configuredSecretFields(spec.properties, saved);
  const replaced = spec.properties
    .filter((property) => property.secret && stored.includes(property.field))
    .flatMap((property) => {
      const entry = values[property.field] as { state?: string; value?: unknown } | undefined;
      const typed = entry?.state !== 'configured' && typeof entry?.value === 'string' ? entry.value.trim() : '';
      return typed !== '' ? [`The ${property.title} now stored ends in …${typed.slice(-4)}.`] : [];
    });
  return replaced.length > 0 ? `Saved. ${replaced.join(' ')}` : 'Saved.';
}

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
  const [unchanged, setUnchanged] = useState(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const { focusAfter, noteRef, errorRef, formRef } = useFocusAfterSubmit(update.isPending, form);
  const { isDirty } = form.formState;
  const descriptor = descriptorFor(spec.type);
  const fieldWidgets = useFieldWidgets(descriptor);

  const save = (values: SpecFormValues) => {
    setFormError(null);
    setSavedNote(null);
    // toPayload yields only strings, numbers, booleans, null and plain objects: the contract's property values.
    const body = toPayload(spec.properties, values, {
      onlyDirty: form.formState.dirtyFields,
    }) as UpdateIntegrationRequest;
    // An empty update would only move "Last updated": say so instead of sending it.
    setUnchanged(Object.keys(body).length === 0);
    if (Object.keys(body).length === 0) return;
    update.mutate(
      { body, version: integration.updated },
      {
        onSuccess: (saved) => {
          focusAfter('note');
          setSavedNote(savedMessage(spec, values, saved));
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
          const sentence = applySubmitError(spec.properties, error, form.setError, spec.type);
          focusAfter(sentence ? 'alert' : 'field');
          setFormError(sentence);
        },
      },
    );
  };

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      onSubmit={(event) => void form.handleSubmit(save)(event)}
      aria-label={`Edit ${spec.label} integration`}
    >
      <Stack spacing={2}>
        {formError && (
          <Alert severity="error" role="alert" ref={errorRef} tabIndex={-1}>
            {formError}
          </Alert>
        )}
        {unchanged && !isDirty && (
          <Alert severity="info" role="status">
            Nothing changed, so nothing was sent.
          </Alert>
        )}
        {savedNote && (
          <Alert severity="success" role="status" ref={noteRef} tabIndex={-1}>
            {savedNote}
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
