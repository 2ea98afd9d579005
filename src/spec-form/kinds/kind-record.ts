import type { ComponentType } from 'react';
import type { NormalizedProperty, SpecFormOptions } from '../types';
import type { WidgetProps } from '../widget-props';

/** One validation message; `path` points below the field (a key/value row), absent for the field itself. */
export type Issue = { message: string; path?: (string | number)[] };

/** Returned by `toPayload` for a value that must not be sent at all (a kept secret, a blank optional field). */
export const omit: unique symbol = Symbol('omit');

export interface PayloadContext {
  /** An update sends only changed fields, so emptying one must be said out loud (`''`, `null`). */
  update: boolean;
}

/**
 * Everything the engine does with one property kind, in one place. The table of them is a
 * `Record<FieldKind, KindRecord>`, so a new kind does not compile until it has all four.
 */
export interface KindRecord {
  /** The default widget; callers may override it per kind or per field (`SpecFields`' `widgets`, `fieldWidgets`). */
  Widget: ComponentType<WidgetProps>;
  /** The form value to start from: `source` is the stored value, else the spec's `default` (may be anything). */
  initial(property: NormalizedProperty, source: unknown, options: SpecFormOptions): unknown;
  /** The rules of the field: messages for the value the form holds, `[]` when it is fine. */
  schema(property: NormalizedProperty, value: unknown): Issue[];
  /** What goes into the request body for the form value, or `omit`. */
  toPayload(property: NormalizedProperty, value: unknown, context: PayloadContext): unknown;
}

export const requiredMessage = (property: NormalizedProperty) => `${property.title} is required`;
