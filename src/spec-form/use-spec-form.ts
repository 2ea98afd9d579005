import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef } from 'react';
import { useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { SpecProperty } from '../api/contract';
import { buildDefaultValues } from './build-default-values';
import { buildSpecSchema } from './build-spec-schema';
import type { SpecFormOptions, SpecFormValues } from './types';

export type UseSpecFormOptions = SpecFormOptions & {
  /** More fields validated with the spec's (the flow editor adds `tokenized_message`). */
  extraSchema?: z.ZodObject;
  extraDefaults?: Record<string, unknown>;
};

/**
 * react-hook-form for a spec: the zod schema from `buildSpecSchema` (merged with `extraSchema`), defaults from
 * `buildDefaultValues` (merged with `extraDefaults`), mode 'onTouched' and re-validation on blur, so typing in one
 * field of a large spec does not run the whole schema on every keystroke after a submit.
 *
 * The resolver runs in raw mode: `handleSubmit` hands over the form values as they are (rows, secret states), ready
 * for `toPayload`. When the stored values (`current`, `configuredSecrets`, `mode`) change content, e.g. after a save or
 * a refetch with new data, the form resets to them; an identical refetch does not disturb what is being typed.
 */
export function useSpecForm(
  properties: readonly SpecProperty[],
  options: UseSpecFormOptions,
): UseFormReturn<SpecFormValues> {
  const { extraSchema, extraDefaults, ...specOptions } = options;
  const storedKey = JSON.stringify([
    specOptions.mode,
    specOptions.current ?? null,
    specOptions.configuredSecrets ?? [],
  ]);
  const extraDefaultsKey = JSON.stringify(extraDefaults ?? {});

  const schema = useMemo(() => {
    const base = buildSpecSchema(properties, specOptions);
    return extraSchema ? base.extend(extraSchema.shape) : base;
    // specOptions does not change the rules (see buildSpecSchema).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [properties, extraSchema]);

  const defaultValues = useMemo(
    () => ({ ...buildDefaultValues(properties, specOptions), ...(extraDefaults ?? {}) }),
    // Keyed on content so a new but equal `current` object from a re-render does not rebuild the defaults.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [properties, storedKey, extraDefaultsKey],
  );

  const resolver = useMemo(
    () => zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<SpecFormValues>,
    [schema],
  );

  const form = useForm<SpecFormValues>({
    resolver,
    defaultValues,
    mode: 'onTouched',
    reValidateMode: 'onBlur',
  });

  const appliedDefaults = useRef(defaultValues);
  useEffect(() => {
    if (appliedDefaults.current === defaultValues) return;
    appliedDefaults.current = defaultValues;
    form.reset(defaultValues);
  }, [defaultValues, form]);

  return form;
}
