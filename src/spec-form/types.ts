import type { SpecProperty } from '../api/contract';

/**
 * Form state of a secret field. 'configured' = stored on the server, nothing typed; 'replacing' = user is typing a
 * new one; 'cleared' = user chose Clear (optional secrets only); 'empty' = nothing stored (create mode), value is
 * what was typed.
 */
export type SecretValue = { state: 'empty' | 'configured' | 'replacing' | 'cleared'; value: string };

/** Form state of an object (key/value) field: rows with stable ids (for focus-stable React keys). */
export type KeyValueRow = { id: string; key: string; value: string };

/**
 * The value an object field holds in the form. `jsonText` is `null` while the rows are edited and holds the raw
 * textarea text while "Edit as JSON" is on, so invalid JSON is kept as typed and blocks submission.
 */
export type KeyValueValue = { rows: KeyValueRow[]; jsonText: string | null };

/**
 * Keyed by `property.field` (exactly: by `NormalizedProperty.name`, which is the field itself unless the field name
 * would break react-hook-form paths, e.g. `a.b`, `x[0]` or `constructor`).
 */
export type SpecFormValues = Record<string, unknown>;

export interface SpecFormOptions {
  mode: 'create' | 'edit';
  /** Current non-secret values (e.g. an integration's or action's stored properties), keyed by field. */
  current?: Record<string, unknown>;
  /** Secret fields that are stored server-side (shown as Configured in edit mode). */
  configuredSecrets?: string[];
}

/** The widget families the engine knows; anything else is `unknown` and entered as text. */
export type FieldKind = 'string' | 'secret' | 'enum' | 'boolean' | 'integer' | 'number' | 'object' | 'unknown';

/** A spec property after `normalizeProperties`: always a usable field name, title and kind. */
export type NormalizedProperty = SpecProperty & {
  field: string;
  /** The key of the value in the form: `field`, or a stand-in when `field` is not usable as a react-hook-form path. */
  name: string;
  title: string;
  kind: FieldKind;
  /** Shown beside the input when the spec could not be honoured as written (unknown type, empty enum). */
  note?: string;
};
