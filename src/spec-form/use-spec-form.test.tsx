import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from '../api/contract/zod';
import { applyServerErrors } from './apply-server-errors';
import { SpecFields } from './spec-fields';
import { actionProperties, integrationProperties, renderSpecForm } from './test-fixtures';
import { toPayload } from './to-payload';
import { useSpecForm } from './use-spec-form';

describe('useSpecForm', () => {
  it('starts from the defaults and validates on blur (onTouched)', async () => {
    const { result } = renderHook(() => useSpecForm(actionProperties, { mode: 'create' }));
    expect(result.current.getValues()).toMatchObject({ severity: 'info', routing_key: { state: 'empty', value: '' } });
    await act(async () => {
      expect(await result.current.trigger()).toBe(true);
    });
  });

  it('merges an extra schema and defaults (the flow editor adds the message)', async () => {
    const extraSchema = z.object({ tokenized_message: z.string().check(z.minLength(1, 'Message is required')) });
    const { result } = renderHook(() =>
      useSpecForm(actionProperties, { mode: 'create', extraSchema, extraDefaults: { tokenized_message: '' } }),
    );
    expect(result.current.getValues('tokenized_message')).toBe('');
    await act(async () => {
      expect(await result.current.trigger()).toBe(false);
    });
    expect(result.current.getFieldState('tokenized_message').error?.message).toBe('Message is required');
  });

  it('hands the raw form values to handleSubmit, extra fields included', async () => {
    const extraSchema = z.object({ tokenized_message: z.string() });
    let submitted: Record<string, unknown> | undefined;
    function Editor() {
      const form = useSpecForm(actionProperties, {
        mode: 'create',
        extraSchema,
        extraDefaults: { tokenized_message: 'hi', untracked: 'kept' },
      });
      return (
        <form onSubmit={form.handleSubmit((values) => void (submitted = values))}>
          <SpecFields properties={actionProperties} form={form} />
          <button type="submit">Save</button>
        </form>
      );
    }
    render(<Editor />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(submitted).toMatchObject({ tokenized_message: 'hi', untracked: 'kept', custom_details: { rows: [] } });
  });

  it('resets to new stored values, but not to an equal refetch', async () => {
    const user = userEvent.setup();
    let setCurrent: (current: Record<string, unknown>) => void = () => undefined;
    const properties = [{ field: 'name', type: 'string', title: 'Name' }];
    function Settings() {
      const [current, set] = useState<Record<string, unknown>>({ name: 'first' });
      setCurrent = set;
      const form = useSpecForm(properties, { mode: 'edit', current });
      return <SpecFields properties={properties} form={form} />;
    }
    render(<Settings />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input).toHaveValue('first');
    await user.type(input, ' edited');
    act(() => setCurrent({ name: 'first' }));
    expect(input).toHaveValue('first edited');
    act(() => setCurrent({ name: 'saved' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('saved'));
  });
});

it('keeps what was typed when the caller passes a new but equal properties array on every render', async () => {
  const user = userEvent.setup();
  let rerender: () => void = () => undefined;
  function Inline() {
    const [, setTick] = useState(0);
    rerender = () => setTick((tick) => tick + 1);
    const properties = [{ field: 'name', type: 'string', title: 'Name' }];
    const form = useSpecForm(properties, { mode: 'create' });
    return <SpecFields properties={properties} form={form} />;
  }
  render(<Inline />);
  await user.type(screen.getByRole('textbox', { name: 'Name' }), 'typed');
  act(() => rerender());
  expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('typed');
});

describe('server errors in a rendered form', () => {
  it('land on the field, focus it and keep what was typed', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(integrationProperties, { mode: 'create' });
    const input = screen.getByLabelText(/^Routing Key/, { selector: 'input' });
    await user.type(input, 'bad-key');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(toPayload(integrationProperties, harness.submitted[0] ?? {})).toEqual({ api_access_token: 'bad-key' });
    const form = harness.form;
    if (!form) throw new Error('form not rendered');
    let rest: string[] = [];
    act(() => {
      rest = applyServerErrors(
        integrationProperties,
        [
          { loc: ['body', 'api_access_token'], msg: 'PagerDuty rejected the key: Invalid routing key', type: 'x' },
          { loc: ['body', 'type'], msg: 'Unknown type', type: 'x' },
        ],
        form.setError,
      );
    });
    expect(rest).toEqual(['Unknown type']);
    expect(await screen.findByText('PagerDuty rejected the key: Invalid routing key')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/PagerDuty rejected the key/);
    expect(input).toHaveValue('bad-key');
    expect(input).toHaveFocus();
  });

  it('land on nested parameters fields of the action editor', async () => {
    const { harness } = renderSpecForm(actionProperties, { mode: 'create' });
    const form = harness.form;
    if (!form) throw new Error('form not rendered');
    act(() => {
      applyServerErrors(
        actionProperties,
        [{ loc: ['body', 'parameters', 'routing_key'], msg: 'Routing key is malformed', type: 'x' }],
        form.setError,
      );
    });
    expect(await screen.findByText('Routing key is malformed')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Routing Key Override/, { selector: 'input' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
