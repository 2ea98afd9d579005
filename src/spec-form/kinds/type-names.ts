import type { FieldKind } from '../types';

/**
 * The spec `type` names each kind is written as. `secret` comes from the `secret` flag and `unknown` from a
 * type this console does not know, so neither has names; the Record makes a new kind say which it has.
 */
export const kindTypeNames: Record<FieldKind, readonly string[]> = {
  string: ['string', 'text'],
  enum: ['enum'],
  boolean: ['boolean', 'bool'],
  integer: ['integer', 'int'],
  number: ['number', 'float'],
  object: ['object'],
  secret: [],
  unknown: [],
};
