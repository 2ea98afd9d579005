import { parseNumberText, toText } from '../field-values';
import { TextWidget } from '../simple-widgets';
import { omit, requiredMessage, type KindRecord } from './kind-record';

/** string, and types this console does not know (entered as text, with the note `normalizeProperties` adds). */
export const textKind: KindRecord = {
  Widget: TextWidget,
  initial: (_property, source) => toText(source),
  schema: (property, value) =>
    property.required && toText(value).trim() === '' ? [{ message: requiredMessage(property) }] : [],
  // In an update, emptying a field is a change the server must hear about; in a create, blank means "not set".
  toPayload: (_property, value, { update }) => {
    const text = toText(value);
    return text === '' && !update ? omit : text;
  },
};

/** integer and number: the form holds the text typed, the body gets the number. */
export const numberKind: KindRecord = {
  Widget: TextWidget,
  initial: (_property, source) => {
    const text = toText(source);
    return Number.isFinite(parseNumberText(text)) ? text.trim() : '';
  },
  schema: (property, value) => {
    const parsed = parseNumberText(toText(value));
    if (parsed === null) return property.required ? [{ message: requiredMessage(property) }] : [];
    if (!Number.isFinite(parsed)) return [{ message: `${property.title} must be a number` }];
    if (property.kind === 'integer' && !Number.isInteger(parsed)) {
      return [{ message: `${property.title} must be a whole number` }];
    }
    return [];
  },
  toPayload: (_property, value, { update }) => {
    const parsed = parseNumberText(toText(value));
    if (parsed === null) return update ? null : omit;
    return Number.isFinite(parsed) ? parsed : omit;
  },
};
