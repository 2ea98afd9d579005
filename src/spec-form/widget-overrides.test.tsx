import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SpecProperty } from '../api/contract';
import { SpecFields, type WidgetOverrides } from './spec-fields';
import { toPayload } from './to-payload';
import { useSpecForm } from './use-spec-form';
import type { WidgetProps } from './widget-props';
import type { SpecFormValues } from './types';

const properties: SpecProperty[] = [
  { field: 'name', type: 'string', title: 'Name' },
  { field: 'region', type: 'string', title: 'Region' },
  { field: 'count', type: 'integer', title: 'Count' },
];

function Shouting({ property, register, id }: WidgetProps) {
  return (
    <label>
      {`${property.title.toUpperCase()}!`}
      <input id={id} {...register(property.name)} />
    </label>
  );
}

function RegionPicker({ property, register, id }: WidgetProps) {
  return (
    <label>
      {property.title}
      <select id={id} {...register(property.name)}>
        <option value="">Pick one</option>
        <option value="eu">Europe</option>
      </select>
    </label>
  );
}

function renderForm(widgets?: WidgetOverrides, fieldWidgets?: Record<string, typeof Shouting>) {
  const submitted: SpecFormValues[] = [];
  function Form() {
    const form = useSpecForm(properties, { mode: 'create' });
    return (
      <form noValidate onSubmit={form.handleSubmit((values) => void submitted.push(values))}>
        <SpecFields properties={properties} form={form} widgets={widgets} fieldWidgets={fieldWidgets} />
        <button type="submit">Save</button>
      </form>
    );
  }
  render(<Form />);
  return submitted;
}

describe('SpecFields widget overrides', () => {
  it('replaces the widget of a kind, keeping the kind’s value rules, and a single field ahead of its kind', async () => {
    const user = userEvent.setup();
    const widgets: WidgetOverrides = { string: Shouting };
    const submitted = renderForm(widgets, { region: RegionPicker });

    await user.type(screen.getByLabelText('NAME!'), 'ops');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'eu');
    // Integer is not overridden: the engine's own text input, and the number still goes out as a number.
    await user.type(screen.getByRole('textbox', { name: 'Count' }), '3');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.queryByLabelText('REGION!')).toBeNull();
    expect(toPayload(properties, submitted[0] ?? {})).toEqual({ name: 'ops', region: 'eu', count: 3 });
  });
});
