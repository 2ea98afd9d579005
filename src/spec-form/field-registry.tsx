import type { ComponentType } from 'react';
import { KeyValueField } from './key-value-field';
import { SecretField } from './secret-field';
import { BooleanWidget, EnumWidget, TextWidget } from './simple-widgets';
import type { FieldKind } from './types';
import type { WidgetProps } from './widget-props';

function SecretWidget({ property, control, disabled, id }: WidgetProps) {
  return <SecretField property={property} control={control} disabled={disabled} id={id} />;
}

function ObjectWidget({ property, control, disabled, id }: WidgetProps) {
  return <KeyValueField property={property} control={control} disabled={disabled} id={id} />;
}

/**
 * The one place that maps a property kind to its widget. `unknown` shares the text widget; the note saying the type
 * is unsupported comes from `normalizeProperties` and is shown under the input.
 */
export const fieldRegistry: Record<FieldKind, ComponentType<WidgetProps>> = {
  string: TextWidget,
  unknown: TextWidget,
  integer: TextWidget,
  number: TextWidget,
  enum: EnumWidget,
  boolean: BooleanWidget,
  secret: SecretWidget,
  object: ObjectWidget,
};
