import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import type { SpecProperty } from '../api/contract';
import { kindRecords } from './kinds';
import { groupProperties, SpecFields, type WidgetOverrides } from './spec-fields';
import { normalizeProperties } from './normalize-properties';
import { toPayload } from './to-payload';
import { generatedProperties, integrationProperties, renderSpecForm } from './test-fixtures';
import type { FieldKind } from './types';
import type { WidgetProps } from './widget-props';

const everyType: SpecProperty[] = [
  {
    field: 'name',
    type: 'string',
    title: 'Name',
    required: true,
    placeholder: 'ops-team',
    info: 'Shown to responders',
  },
  {
    field: 'level',
    type: 'enum',
    title: 'Level',
    values: [
      { label: 'Low', value: 'low' },
      { label: 'High', value: 'high' },
    ],
    default: 'high',
  },
  { field: 'on', type: 'boolean', title: 'Enabled', default: true },
  { field: 'count', type: 'integer', title: 'Count' },
  { field: 'ratio', type: 'number' },
  { field: 'extra', type: 'object', title: 'Extra' },
  { field: 'when', type: 'datetime', title: 'When' },
];

describe('SpecFields', () => {
  it('renders every type with an accessible label, falling back to the field name', () => {
    renderSpecForm(everyType, { mode: 'create' }, 'x-');
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAttribute('id', 'x-name');
    expect(name).toHaveAttribute('placeholder', 'ops-team');
    expect(name).toHaveAttribute('aria-required', 'true');
    expect(name).toHaveAccessibleDescription('Shown to responders');
    expect(screen.getByRole('combobox', { name: 'Level' })).toHaveValue('high');
    expect(screen.getByRole('option', { name: 'High' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Count' })).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByRole('textbox', { name: 'ratio' })).toHaveAttribute('inputmode', 'decimal');
    expect(screen.getByRole('group', { name: 'Extra' })).toBeInTheDocument();
    const when = screen.getByRole('textbox', { name: 'When' });
    expect(when).toHaveAccessibleDescription('Unsupported field type "datetime": entered as text');
    expect(screen.getByText('Unsupported field type "datetime": entered as text')).toBeVisible();
  });

  it('collects typed values of every type into the payload', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(everyType, { mode: 'create' });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'ops');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), 'Low');
    await user.click(screen.getByRole('checkbox', { name: 'Enabled' }));
    await user.type(screen.getByRole('textbox', { name: 'Count' }), '12');
    await user.type(screen.getByRole('textbox', { name: 'When' }), 'tomorrow');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(harness.submitted).toHaveLength(1);
    expect(toPayload(everyType, harness.submitted[0] ?? {})).toEqual({
      name: 'ops',
      level: 'low',
      on: false,
      count: 12,
      extra: {},
      when: 'tomorrow',
    });
  });

  it('shows validation messages on the field and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(everyType, { mode: 'create' });
    await user.type(screen.getByRole('textbox', { name: 'Count' }), '1.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const count = screen.getByRole('textbox', { name: 'Count' });
    expect(count).toHaveAccessibleDescription('Count must be a whole number');
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count).toHaveValue('1.5');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
      'Name is required Shown to responders',
    );
    expect(harness.submitted).toHaveLength(0);
  });

  it('draws an outlined group as a fieldset with its name as legend, and renders markdown help', () => {
    renderSpecForm(integrationProperties, { mode: 'create' });
    const group = screen.getByRole('group', { name: 'Connection Properties' });
    expect(group.tagName).toBe('FIELDSET');
    expect(group).toHaveClass('sf-group-outlined');
    const input = within(group).getByLabelText(/^Routing Key/, { selector: 'input' });
    expect(input).toHaveAccessibleDescription(/Integration Key from your PagerDuty Events API v2 integration/);
    expect(within(group).getByRole('link', { name: 'PagerDuty' })).toHaveAttribute('target', '_blank');
  });

  it('disables every input while the form is busy', () => {
    const { rerender, harness } = renderSpecForm(everyType, { mode: 'create' });
    const form = harness.form;
    if (!form) throw new Error('form not rendered');
    rerender(<SpecFields properties={everyType} form={form} disabled />);
    for (const input of screen.getAllByRole('textbox')) expect(input).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Enabled' })).toBeDisabled();
  });
});

describe('groupProperties', () => {
  it('puts properties of the same group together where the group first appears', () => {
    const sections = groupProperties(
      normalizeProperties([
        { field: 'a', type: 'string', group: { name: 'G1' } },
        { field: 'b', type: 'string' },
        { field: 'c', type: 'string', group: { name: 'G2', outline: true } },
        { field: 'd', type: 'string', group: { name: 'G1', outline: true } },
        { field: 'e', type: 'string' },
      ]),
    );
    expect(sections.map((section) => [section.name, section.outline, section.properties.map((p) => p.field)])).toEqual([
      ['G1', true, ['a', 'd']],
      [undefined, false, ['b']],
      ['G2', true, ['c']],
      [undefined, false, ['e']],
    ]);
  });

  it('renders a non-outlined group as a labelled group without the outline', () => {
    const properties: SpecProperty[] = [{ field: 'a', type: 'string', group: { name: 'Plain' } }];
    renderSpecForm(properties, { mode: 'create' });
    expect(screen.getByRole('group', { name: 'Plain' })).not.toHaveClass('sf-group-outlined');
  });
});

describe('SpecFields at scale', () => {
  /** Every kind's widget wrapped in a Profiler through the `widgets` override, counting each field's commits. */
  function countRenders() {
    const counts = new Map<string, number>();
    const widgets: WidgetOverrides = Object.fromEntries(
      (Object.keys(kindRecords) as FieldKind[]).map((kind) => {
        const Original = kindRecords[kind].Widget;
        // A Profiler counts every commit inside the field, including re-renders its own hooks trigger.
        function Counted(props: WidgetProps) {
          const field = props.property.field;
          return (
            <Profiler id={field} onRender={() => counts.set(field, (counts.get(field) ?? 0) + 1)}>
              <Original {...props} />
            </Profiler>
          );
        }
        return [kind, Counted];
      }),
    );
    return { counts, widgets };
  }

  it('renders 500 properties and typing in one re-renders none of the others', async () => {
    const { counts, widgets } = countRenders();
    const properties = generatedProperties(500);
    const user = userEvent.setup();
    const started = performance.now();
    const { harness, container } = renderSpecForm(properties, { mode: 'create' }, '', widgets);
    const mounted = performance.now() - started;
    expect(container.querySelectorAll('input, select')).toHaveLength(500);
    console.info(`500-property spec mounted in ${Math.round(mounted)} ms (jsdom)`);

    // Looked up by id: role queries over 500 inputs are slow in jsdom and the labels are covered above.
    const target = container.querySelector<HTMLInputElement>('#field_250');
    if (!target) throw new Error('field_250 not rendered');
    await user.click(target);
    await user.tab();
    const before = new Map(counts);
    await user.click(target);
    await user.type(target, 'typed text');
    await user.tab();

    const rerendered = [...counts].filter(([field, count]) => before.get(field) !== count).map(([field]) => field);
    expect(rerendered.filter((field) => field !== 'field_250')).toEqual([]);
    expect(harness.form?.getValues('field_250')).toBe('typed text');
  });

  it('a required field reports its error without re-rendering its neighbours', async () => {
    const { counts, widgets } = countRenders();
    const properties = generatedProperties(60);
    const user = userEvent.setup();
    renderSpecForm(properties, { mode: 'create' }, '', widgets);
    const target = screen.getByRole('textbox', { name: /^Field 0/ });
    const before = new Map(counts);
    await user.click(target);
    await user.tab();
    expect(await screen.findByText('Field 0 is required')).toBeInTheDocument();
    const rerendered = [...counts].filter(([field, count]) => before.get(field) !== count).map(([field]) => field);
    expect(rerendered).toEqual(['field_0']);
  });
});

describe('SpecFields standalone', () => {
  it('renders nothing but the styled root for an empty spec', () => {
    const { harness } = renderSpecForm([], { mode: 'create' });
    expect(harness.form?.getValues()).toEqual({});
  });

  it('survives a malformed spec passed straight through', async () => {
    const malformed = [
      null,
      { field: 'ok', type: 'string', title: 'OK' },
      { type: 'enum' },
    ] as unknown as SpecProperty[];
    const { harness } = renderSpecForm(malformed, { mode: 'create' });
    expect(screen.getByRole('textbox', { name: 'OK' })).toBeInTheDocument();
    await act(async () => {
      await harness.form?.trigger();
    });
    expect(harness.form?.getValues()).toEqual({ ok: '' });
  });
});
