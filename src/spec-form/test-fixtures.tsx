import { render } from '@testing-library/react';
import type { UseFormReturn } from 'react-hook-form';
import type { SpecProperty } from '../api/contract';
import { SpecFields, type WidgetOverrides } from './spec-fields';
import type { SpecFormValues } from './types';
import { useSpecForm, type UseSpecFormOptions } from './use-spec-form';

/** The PagerDuty integration spec as the platform documents it. */
export const integrationProperties: SpecProperty[] = [
  {
    group: { name: 'Connection Properties', outline: true },
    field: 'api_access_token',
    map_to: 'api_access_token',
    required: true,
    secret: true,
    type: 'string',
    title: 'Routing Key',
    info_md: 'The **Integration Key** from your [PagerDuty](https://support.pagerduty.com/) Events API v2 integration.',
    placeholder: '32 letters and digits',
  },
];

/** The PagerDuty action-notification spec. */
export const actionProperties: SpecProperty[] = [
  {
    field: 'severity',
    map_to: 'parameters',
    required: false,
    title: 'Severity',
    type: 'enum',
    values: [
      { label: 'Info', value: 'info' },
      { label: 'Warning', value: 'warning' },
      { label: 'Error', value: 'error' },
      { label: 'Critical', value: 'critical' },
    ],
    default: 'info',
  },
  {
    field: 'custom_details',
    map_to: 'parameters',
    required: false,
    title: 'Additional Details',
    type: 'object',
    info: 'Enhance the PagerDuty alert by setting additional details',
  },
  {
    field: 'routing_key',
    map_to: 'parameters',
    required: false,
    title: 'Routing Key Override',
    info: 'Override the default routing key from the PagerDuty integration',
    type: 'string',
    secret: true,
  },
];

/** A spec of `count` properties in the mix the benchmark uses (60% string, 15% enum, 10% boolean, ...). */
export function generatedProperties(count: number): SpecProperty[] {
  return Array.from({ length: count }, (_, index): SpecProperty => {
    const slot = index % 20;
    const base = { field: `field_${index}`, title: `Field ${index}`, required: index % 3 === 0 };
    if (slot < 12) return { ...base, type: 'string', placeholder: 'text' };
    if (slot < 15)
      return {
        ...base,
        type: 'enum',
        values: [
          { label: 'One', value: 'one' },
          { label: 'Two', value: 'two' },
        ],
        default: 'one',
      };
    if (slot < 17) return { ...base, type: 'boolean' };
    if (slot < 19) return { ...base, type: 'integer' };
    return { ...base, type: 'string', secret: true };
  });
}

export type Harness = { form: UseFormReturn<SpecFormValues> | null; submitted: SpecFormValues[] };

/** Renders a whole spec form the way pages do, recording what a submit hands over. */
export function renderSpecForm(
  properties: SpecProperty[],
  options: UseSpecFormOptions,
  idPrefix = '',
  widgets?: WidgetOverrides,
) {
  const harness: Harness = { form: null, submitted: [] };
  function Form() {
    const form = useSpecForm(properties, options);
    harness.form = form;
    return (
      <form noValidate onSubmit={form.handleSubmit((values) => void harness.submitted.push(values))}>
        <SpecFields properties={properties} form={form} idPrefix={idPrefix} widgets={widgets} />
        <button type="submit">Save</button>
      </form>
    );
  }
  const view = render(<Form />);
  return { ...view, harness };
}
