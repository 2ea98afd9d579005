import type { FieldKind } from '../types';
import { booleanKind, enumKind } from './choice-kinds';
import type { KindRecord } from './kind-record';
import { objectKind } from './object-kind';
import { secretKind } from './secret-kind';
import { numberKind, textKind } from './text-kinds';

export { omit, type Issue, type KindRecord, type PayloadContext } from './kind-record';

/**
 * The one table of property kinds: widget, starting value, rules and request value of each. Exhaustive by type,
 * so adding a kind is one entry the compiler insists on; `unknown` behaves as text and shows a note.
 */
export const kindRecords: Record<FieldKind, KindRecord> = {
  string: textKind,
  unknown: textKind,
  integer: numberKind,
  number: numberKind,
  enum: enumKind,
  boolean: booleanKind,
  secret: secretKind,
  object: objectKind,
};
