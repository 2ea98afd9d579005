import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import type { SpecProperty } from '../../api/contract';
import { SpecFields, type SpecFormValues } from '../../spec-form';
import { keyChoice, resolveSeverity } from './action-form';
import { buildEventPreview } from './build-event-preview';
import { EventPreview } from './event-preview';
import { MessageField } from './message-field';
import { previewInput, type EditorContext } from './preview-input';
import { SeverityMeanings } from './severity-meanings';

export interface ActionEditorProps extends EditorContext {
  form: UseFormReturn<SpecFormValues>;
  /** The PagerDuty action spec's properties. */
  properties: readonly SpecProperty[];
  /** False when there is no PagerDuty integration: only an override can deliver then. */
  integrationConnected: boolean;
  disabled?: boolean;
  /** Shown under the fields: Send test, its result, the last test. */
  children?: ReactNode;
  idPrefix?: string;
}

const byField = (properties: readonly SpecProperty[], field: string) => properties.filter((p) => p.field === field);

/** The PagerDuty action editor: Message, the spec's fields, which key is used, and the live event preview. */
export function ActionEditor(props: ActionEditorProps) {
  const { form, properties, integrationConnected, disabled, children, idPrefix = 'action-' } = props;
  const values = useWatch({ control: form.control }) as SpecFormValues;
  const preview = buildEventPreview(previewInput(properties, values, props, window.location.origin));
  const key = keyChoice(values.routing_key);
  const severity = resolveSeverity(properties, values.severity);
  const problemOf = (field: string) => preview.problems.find((p) => p.field === field)?.message;
  const detailsProblem = problemOf('custom_details');
  const known = new Set(['severity', 'custom_details', 'routing_key']);
  const others = properties.filter((p) => !known.has(p.field));

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
        alignItems: 'start',
      }}
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2.5, minWidth: 0 }}>
        <Controller
          control={form.control}
          name="tokenized_message"
          render={({ field, fieldState }) => (
            <MessageField
              id={`${idPrefix}-tokenized_message`}
              name={field.name}
              value={typeof field.value === 'string' ? field.value : ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              triggerType={props.triggerType}
              tokens={props.tokens}
              error={fieldState.error?.message ?? problemOf('tokenized_message')}
              disabled={disabled}
            />
          )}
        />
        <SpecFields properties={byField(properties, 'severity')} form={form} disabled={disabled} idPrefix={idPrefix} />
        <SeverityMeanings selected={severity} />
        <Box
          sx={
            detailsProblem
              ? { outline: (t) => `2px solid ${t.palette.error.main}`, outlineOffset: 6, borderRadius: 1 }
              : undefined
          }
        >
          <SpecFields
            properties={byField(properties, 'custom_details')}
            form={form}
            disabled={disabled}
            idPrefix={idPrefix}
          />
          {detailsProblem && (
            <Typography role="alert" color="error" variant="body2" sx={{ mt: 1 }}>
              {detailsProblem}
            </Typography>
          )}
        </Box>
        <SpecFields
          properties={byField(properties, 'routing_key')}
          form={form}
          disabled={disabled}
          idPrefix={idPrefix}
        />
        <Alert severity={!integrationConnected && key.source === 'integration' ? 'warning' : 'info'} role="status">
          {key.source === 'override' ? (
            <>
              Events go to <strong>this action&apos;s override</strong>
              {key.last4 ? ` (key ending in ${key.last4})` : ' (the stored key)'}.
            </>
          ) : integrationConnected ? (
            <>
              Events go to <strong>the integration&apos;s key</strong> (PagerDuty integration).
            </>
          ) : (
            <>
              Events would use <strong>the integration&apos;s key</strong>, but PagerDuty is not connected.{' '}
              <Link component={RouterLink} to="/integrations/pagerduty/connect">
                Connect PagerDuty
              </Link>{' '}
              or set a Routing Key Override.
            </>
          )}
        </Alert>
        {others.length > 0 && <SpecFields properties={others} form={form} disabled={disabled} idPrefix={idPrefix} />}
        {children}
      </Box>
      <Box sx={{ position: { md: 'sticky' }, top: { md: 0 }, minWidth: 0 }}>
        <EventPreview preview={preview} />
      </Box>
    </Box>
  );
}
