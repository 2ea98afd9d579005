import { useEffect, useMemo, useRef } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from '../api/contract/zod';
import type { SpecProperty } from '../api/contract';
import { buildDefaultValues } from './build-default-values';
import { safeJson } from './field-values';
import { normalizeProperties } from './normalize-properties';
import { createSpecResolver } from './spec-resolver';
import type { SpecFormOptions, SpecFormValues } from './types';

export type UseSpecFormOptions = SpecFormOptions & {
  /** More fields validated with the spec's (the flow editor adds `tokenized_message`). */
  extraSchema?: z.ZodMiniObject;
  extraDefaults?: Record<string, unknown>;
};

/**
 * react-hook-form for a spec: the rules of `buildSpecSchema` (plus `extraSchema`), defaults from `buildDefaultValues`
 * (merged with `extraDefaults`), mode 'onTouched' and re-validation on change. The resolver validates only the fields
 * react-hook-form asks for, so a keystroke in a touched field of a 500-property spec checks one field, not 500.
 *
 * `handleSubmit` hands over the form values as they are (rows, secret states, extra keys), ready for `toPayload`.
 * When the stored values (`current`, `configuredSecrets`, `mode`) change content, e.g. after a save or a refetch
 * with new data, the form resets to them; an identical refetch does not disturb what is being typed. Pass a stable
 * `properties` array (e.g. straight from the query) so the fields stay memoised.
 */
export function useSpecForm(
  properties: readonly SpecProperty[],
  options: UseSpecFormOptions,
): UseFormReturn<SpecFormValues> {
  const { extraSchema, extraDefaults, ...specOptions } = options;
  const storedKey = safeJson([specOptions.mode, specOptions.current ?? null, specOptions.configuredSecrets ?? []]);
  const extraDefaultsKey = safeJson(extraDefaults ?? {});
  // Content, not identity: a caller building the properties array inline must not reset the form on every render.
  const specKey = useMemo(() => safeJson(properties), [properties]);

  // The rules are those of buildSpecSchema (same validateField); the resolver only checks the fields asked for.
  const resolver = useMemo(
    () => createSpecResolver(normalizeProperties(properties), extraSchema),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [specKey, extraSchema],
  );

  const defaultValues = useMemo(
    () => ({ ...buildDefaultValues(properties, specOptions), ...(extraDefaults ?? {}) }),
    // Keyed on content so a new but equal `current` object from a re-render does not rebuild the defaults.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [specKey, storedKey, extraDefaultsKey],
  );

  const form = useForm<SpecFormValues>({
    resolver,
    defaultValues,
    mode: 'onTouched',
    // A message must go as soon as the value is right: waiting for blur left "is required" beside a typed key, and
    // its removal on the press of the next button moved that button from under the pointer.
    reValidateMode: 'onChange',
  });

  const appliedDefaults = useRef(defaultValues);
  useEffect(() => {
    if (appliedDefaults.current === defaultValues) return;
    appliedDefaults.current = defaultValues;
    form.reset(defaultValues);
  }, [defaultValues, form]);

  return form;
}
