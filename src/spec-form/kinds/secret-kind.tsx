import { toSecretValue } from '../field-values';
import { SecretField } from '../secret-field';
import type { SecretValue } from '../types';
import type { WidgetProps } from '../widget-props';
import { omit, requiredMessage, type KindRecord } from './kind-record';

function SecretWidget({ property, control, disabled, id }: WidgetProps) {
  return <SecretField property={property} control={control} disabled={disabled} id={id} />;
}

/** A secret's form value is a state (Configured / Replace / Cleared / typed), never the stored secret. */
export const secretKind: KindRecord = {
  Widget: SecretWidget,
  // Never prefilled, not even from `default` or `current`: only whether one is stored is known.
  initial: (property, _source, options) => {
    const configured = options.mode === 'edit' && (options.configuredSecrets ?? []).includes(property.field);
    return { state: configured ? 'configured' : 'empty', value: '' } satisfies SecretValue;
  },
  schema: (property, value) => {
    const secret = toSecretValue(value);
    if (!property.required) return [];
    if (secret.state === 'cleared') return [{ message: requiredMessage(property) }];
    if (secret.state !== 'configured' && secret.value.trim() === '') return [{ message: requiredMessage(property) }];
    return [];
  },
  toPayload: (_property, value) => {
    const secret = toSecretValue(value);
    if (secret.state === 'configured') return omit;
    if (secret.state === 'cleared') return null;
    // A blank box never erases anything: only a typed key is sent, trimmed because pasted keys carry whitespace.
    const typed = secret.value.trim();
    return typed === '' ? omit : typed;
  },
};
