import { describe, expect, it, vi } from 'vitest';
import { applyServerErrors } from './apply-server-errors';
import { actionProperties, integrationProperties } from './test-fixtures';

describe('applyServerErrors', () => {
  it('puts a top-level issue on its field and focuses it', () => {
    const setError = vi.fn();
    const rest = applyServerErrors(
      integrationProperties,
      [{ loc: ['body', 'api_access_token'], msg: 'Invalid routing key', type: 'value_error' }],
      setError,
    );
    expect(rest).toEqual([]);
    expect(setError).toHaveBeenCalledWith(
      'api_access_token',
      { type: 'server', message: 'Invalid routing key' },
      { shouldFocus: true },
    );
  });

  it('maps nested parameters locs, deeper locs and parent-less locs', () => {
    const setError = vi.fn();
    const rest = applyServerErrors(
      actionProperties,
      [
        { loc: ['body', 'parameters', 'routing_key'], msg: 'Too long', type: 'value_error' },
        { loc: ['body', 'actions', 0, 'parameters', 'custom_details', 'team'], msg: 'Bad detail', type: 'x' },
        { loc: ['body', 'severity'], msg: 'Unknown severity', type: 'x' },
        { loc: ['body', 'parameters', 'routing_key'], msg: 'Revoked', type: 'x' },
      ],
      setError,
    );
    expect(rest).toEqual([]);
    expect(setError.mock.calls.map(([field, error]) => [field, (error as { message: string }).message])).toEqual([
      ['routing_key', 'Too long Revoked'],
      ['custom_details', 'Bad detail'],
      ['severity', 'Unknown severity'],
    ]);
    expect(setError.mock.calls.map(([, , options]) => (options as { shouldFocus: boolean }).shouldFocus)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('returns the messages that match no field', () => {
    const setError = vi.fn();
    const rest = applyServerErrors(
      integrationProperties,
      [
        { loc: ['body', 'type'], msg: 'Unknown integration type', type: 'x' },
        { loc: [], msg: 'Something else', type: 'x' },
      ],
      setError,
    );
    expect(rest).toEqual(['Unknown integration type', 'Something else']);
    expect(setError).not.toHaveBeenCalled();
  });

  it('sets the error under the form name of a field whose name is not a plain key', () => {
    const setError = vi.fn();
    applyServerErrors([{ field: 'a.b', type: 'string' }], [{ loc: ['body', 'a.b'], msg: 'Bad', type: 'x' }], setError);
    expect(setError).toHaveBeenCalledWith('__sf_0', { type: 'server', message: 'Bad' }, { shouldFocus: true });
  });
});
