import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { SpecProperty } from '../../api/contract';
import { useActionEditor } from './use-action-editor';

const properties: SpecProperty[] = [
  {
    field: 'severity',
    map_to: 'parameters',
    title: 'Severity',
    type: 'enum',
    values: [
      { label: 'Info', value: 'info' },
      { label: 'Error', value: 'error' },
    ],
    default: 'info',
  },
  { field: 'routing_key', map_to: 'parameters', title: 'Routing Key Override', type: 'string', secret: true },
];
const context = { triggerType: 'anomaly' as const, tokens: [], flowId: 3 };

const refused = (loc: (string | number)[], msg: string) =>
  new ApiError({ kind: 'validation', status: 422, detail: msg, fieldErrors: [{ loc, msg, type: 'x' }] });

describe('useActionEditor', () => {
  it("puts a refused save's issues about this action on its fields, ignoring other actions' issues", () => {
    const { result } = renderHook(() => useActionEditor({ properties, context }));
    let rest: string | null = 'unset';
    act(() => {
      rest = result.current.applySaveError(
        refused(['body', 'actions', 1, 'parameters', 'routing_key'], 'Not a routing key'),
        1,
      );
    });
    expect(rest).toBeNull();
    expect(result.current.form.getFieldState('routing_key').error?.message).toBe('Not a routing key');

    act(() => {
      result.current.applySaveError(refused(['body', 'actions', 0, 'tokenized_message'], 'Too long'), 1);
    });
    expect(result.current.form.getFieldState('tokenized_message').error).toBeUndefined();
    act(() => {
      result.current.applySaveError(refused(['body', 'actions', 0, 'tokenized_message'], 'Too long'), 0);
    });
    expect(result.current.form.getFieldState('tokenized_message').error?.message).toBe('Too long');
  });

  it('returns what no field can show, and keeps a conflict for the conflict dialog', () => {
    const { result } = renderHook(() => useActionEditor({ properties, context }));
    expect(result.current.applySaveError(refused(['body', 'name'], 'Name is taken'))).toBe('Name is taken');
    expect(result.current.applySaveError(new ApiError({ kind: 'conflict', status: 409, detail: 'x' }))).toBeNull();
    expect(result.current.applySaveError(new Error('boom'))).toMatch(/could not be saved.*kept/);
  });

  it('restores unsaved changes over the stored action as changes (the form is dirty), once', async () => {
    const action = {
      id: 7,
      type: 'PagerDuty' as const,
      tokenized_message: 'Stored',
      parameters: { severity: 'info' as const, custom_details: {}, routing_key_configured: false },
    };
    const restore = { tokenized_message: 'Kept', severity: 'error', custom_details: undefined };
    const { result } = renderHook(() => useActionEditor({ properties, context, action, restore }));
    await waitFor(() => expect(result.current.values.tokenized_message).toBe('Kept'));
    expect(result.current.values.severity).toBe('error');
    expect(result.current.form.getFieldState('tokenized_message').isDirty).toBe(true);
    act(() => result.current.form.setValue('tokenized_message', 'Typed after'));
    await waitFor(() => expect(result.current.values.tokenized_message).toBe('Typed after'));
  });

  it('prepares a test only of a valid form, tied to the flow and action being edited', async () => {
    const { result } = renderHook(() =>
      useActionEditor({
        properties,
        context: { ...context, actionId: 7 },
        initial: { tokenized_message: '', severity: 'info', custom_details: undefined },
      }),
    );
    let request: unknown = 'unset';
    await act(async () => {
      request = await result.current.prepareTest();
    });
    expect(request).toBeNull();
    act(() => result.current.form.setValue('tokenized_message', 'Hello'));
    await act(async () => {
      request = await result.current.prepareTest();
    });
    expect(request).toMatchObject({ tokenized_message: 'Hello', flow_id: 3, action_id: 7 });
  });
});
