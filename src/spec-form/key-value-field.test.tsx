import { render, screen, waitFor, within } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KeyValueField } from './key-value-field';
import { keyValueToObject } from './key-value-codec';
import { toPayload } from './to-payload';
import type { SpecFormValues } from './types';
import { actionProperties, renderSpecForm } from './test-fixtures';

function details(harness: ReturnType<typeof renderSpecForm>['harness']) {
  const body = toPayload(actionProperties, harness.form?.getValues() ?? {}) as {
    parameters?: { custom_details?: unknown };
  };
  return body.parameters?.custom_details;
}

function editor() {
  return within(screen.getByRole('group', { name: 'Additional Details' }));
}

describe('KeyValueField', () => {
  it('adds a row, focusing its key, and sends the rows as an object', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, { mode: 'create' });
    expect(editor().getByText('No entries yet.')).toBeInTheDocument();
    await user.click(editor().getByRole('button', { name: 'Add row' }));
    const key = editor().getByRole('textbox', { name: 'Key 1' });
    expect(key).toHaveFocus();
    await user.type(key, 'team');
    await user.type(editor().getByRole('textbox', { name: 'Value 1' }), 'data');
    expect(details(harness)).toEqual({ team: 'data' });
  });

  it('keeps focus in the key input while the key is renamed', async () => {
    const user = userEvent.setup();
    renderSpecForm(actionProperties, { mode: 'edit', current: { custom_details: { team: 'data', env: 'prod' } } });
    const key = editor().getByRole('textbox', { name: 'Key 1' });
    await user.click(key);
    await user.clear(key);
    await user.type(key, 'squad');
    expect(editor().getByRole('textbox', { name: 'Key 1' })).toBe(key);
    expect(key).toHaveFocus();
    expect(key).toHaveValue('squad');
  });

  it('removes a row by its key and moves focus to the next row', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, {
      mode: 'edit',
      current: { custom_details: { team: 'data', env: 'prod' } },
    });
    await user.click(editor().getByRole('button', { name: 'Remove row 1 (team)' }));
    expect(details(harness)).toEqual({ env: 'prod' });
    expect(editor().getByRole('textbox', { name: 'Key 1' })).toHaveFocus();
    await user.click(editor().getByRole('button', { name: 'Remove row 1 (env)' }));
    expect(details(harness)).toEqual({});
    expect(editor().getByRole('button', { name: 'Add row' })).toHaveFocus();
  });

  it('gives two rows with the same key remove buttons with different names', async () => {
    const user = userEvent.setup();
    renderSpecForm(actionProperties, { mode: 'edit', current: { custom_details: { runbook: 'a' } } });
    await user.click(editor().getByRole('button', { name: 'Add row' }));
    await user.keyboard('runbook');
    const removes = editor()
      .getAllByRole('button', { name: /^Remove row/ })
      .map((button) => button.getAttribute('aria-label'));
    expect(removes).toEqual(['Remove row 1 (runbook)', 'Remove row 2 (runbook)']);
  });

  it('flags an empty key and a duplicate key on the offending row and blocks saving', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, { mode: 'edit', current: { custom_details: { team: 'a' } } });
    await user.click(editor().getByRole('button', { name: 'Add row' }));
    await user.tab();
    await waitFor(() =>
      expect(editor().getByRole('textbox', { name: 'Key 2' })).toHaveAccessibleDescription('Key is required'),
    );
    await user.type(editor().getByRole('textbox', { name: 'Key 2' }), 'team');
    await user.tab();
    const second = editor().getByRole('textbox', { name: 'Key 2' });
    await waitFor(() => expect(second).toHaveAccessibleDescription('Duplicate key "team"'));
    expect(second).toHaveAttribute('aria-invalid', 'true');
    expect(editor().getByRole('textbox', { name: 'Key 1' })).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(harness.submitted).toHaveLength(0);
    expect(second).toHaveValue('team');
  });

  it('round-trips between rows and JSON', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, {
      mode: 'edit',
      current: { custom_details: { team: 'data', count: 5 } },
    });
    await user.click(editor().getByRole('button', { name: 'Edit as JSON' }));
    const json = editor().getByRole('textbox', { name: 'Additional Details as JSON' });
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ team: 'data', count: 5 });
    expect((json as HTMLTextAreaElement).value).toContain('\n  "team": "data"');
    await user.clear(json);
    await user.click(json);
    await user.paste('{"team": "platform", "tags": ["a"]}');
    expect(details(harness)).toEqual({ team: 'platform', tags: ['a'] });
    await user.click(editor().getByRole('button', { name: 'Edit as JSON' }));
    expect(editor().getByRole('textbox', { name: 'Key 1' })).toHaveValue('team');
    expect(editor().getByRole('textbox', { name: 'Value 1' })).toHaveValue('platform');
    expect(editor().getByRole('textbox', { name: 'Value 2' })).toHaveValue('["a"]');
    expect(details(harness)).toEqual({ team: 'platform', tags: ['a'] });
  });

  it('explains JSON that is not an object, keeps the text and blocks leaving the JSON view and saving', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, { mode: 'create' });
    await user.click(editor().getByRole('button', { name: 'Edit as JSON' }));
    const json = editor().getByRole('textbox', { name: 'Additional Details as JSON' });
    await user.clear(json);
    await user.click(json);
    await user.paste('[1, 2]');
    await user.click(editor().getByRole('button', { name: 'Edit as JSON' }));
    const message = 'Additional Details must be a JSON object, e.g. {"team": "data"}';
    expect(editor().getByText(message)).toBeInTheDocument();
    expect(json).toHaveValue('[1, 2]');
    expect(json).toHaveAccessibleDescription(message);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(harness.submitted).toHaveLength(0);
    expect(json).toHaveValue('[1, 2]');
  });

  it('explains invalid JSON syntax', async () => {
    const user = userEvent.setup();
    renderSpecForm(actionProperties, { mode: 'create' });
    await user.click(editor().getByRole('button', { name: 'Edit as JSON' }));
    const json = editor().getByRole('textbox', { name: 'Additional Details as JSON' });
    await user.clear(json);
    await user.click(json);
    await user.paste('{"team": ');
    await user.tab();
    await waitFor(() =>
      expect(json).toHaveAccessibleDescription(/Additional Details is not valid JSON.*must be a JSON object/),
    );
  });

  it('does not switch to JSON while rows have blank or duplicate keys (nothing typed is lost)', async () => {
    const user = userEvent.setup();
    renderSpecForm(actionProperties, { mode: 'create' });
    await user.click(editor().getByRole('button', { name: 'Add row' }));
    await user.type(editor().getByRole('textbox', { name: 'Value 1' }), 'orphan');
    await user.click(editor().getByRole('button', { name: 'Edit as JSON' }));
    expect(editor().getByText(/Give every row a key/)).toBeInTheDocument();
    expect(editor().getByRole('textbox', { name: 'Value 1' })).toHaveValue('orphan');
  });
});

describe('KeyValueField standalone', () => {
  it('accepts a plain object as its value and keeps focus while renaming', async () => {
    const user = userEvent.setup();
    let read: () => unknown = () => undefined;
    function Standalone() {
      const form = useForm<SpecFormValues>({ defaultValues: { labels: { team: 'data' } } });
      read = () => form.getValues('labels');
      return <KeyValueField property={{ field: 'labels', type: 'object', title: 'Labels' }} control={form.control} />;
    }
    render(<Standalone />);
    const key = screen.getByRole('textbox', { name: 'Key 1' });
    await user.click(key);
    await user.type(key, 's');
    expect(screen.getByRole('textbox', { name: 'Key 1' })).toBe(key);
    expect(key).toHaveFocus();
    expect(keyValueToObject(read())).toEqual({ teams: 'data' });
  });
});
