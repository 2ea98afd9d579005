import { findOption, toBoolean, toText } from '../field-values';
import { BooleanWidget, EnumWidget } from '../simple-widgets';
import { omit, requiredMessage, type KindRecord } from './kind-record';

/** enum: the form holds the option value as a string (what a native select holds), the body the option's own value. */
export const enumKind: KindRecord = {
  Widget: EnumWidget,
  // A stored value the spec no longer lists falls back to the spec's default rather than an invisible choice.
  initial: (property, source) => {
    const option = findOption(property, source) ?? findOption(property, property.default);
    return option ? String(option.value) : '';
  },
  schema: (property, value) => {
    if (toText(value) === '') return property.required ? [{ message: requiredMessage(property) }] : [];
    return findOption(property, value) ? [] : [{ message: `Choose one of the listed options for ${property.title}` }];
  },
  toPayload: (property, value) => {
    const option = findOption(property, value);
    return option ? option.value : omit;
  },
};

export const booleanKind: KindRecord = {
  Widget: BooleanWidget,
  initial: (_property, source) => toBoolean(source),
  schema: () => [],
  toPayload: (_property, value) => toBoolean(value),
};
