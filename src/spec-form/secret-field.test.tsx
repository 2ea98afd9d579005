import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { SecretField } from './secret-field';
import type { SpecFormValues } from './types';
import { toPayload } from './to-payload';
import { actionProperties, integrationProperties, renderSpecForm } from './test-fixtures';

function payloadOf(harness: ReturnType<typeof renderSpecForm>['harness'], properties = integrationProperties) {
  return toPayload(properties, harness.form?.getValues() ?? {});
}

describe('SecretField in create mode', () => {
  it('is a password input without autocomplete or spellcheck, and sends what was typed', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(integrationProperties, { mode: 'create' });
    const input = screen.getByLabelText(/^Routing Key/, { selector: 'input' });
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAttribute('spellcheck', 'false');
    expect(input).toHaveAttribute('autocapitalize', 'off');
    expect(input).toHaveAttribute('placeholder', '32 letters and digits');
    await user.type(input, 'R0123');
    expect(payloadOf(harness)).toEqual({ api_access_token: 'R0123' });
  });

  it('reveals and hides only what was typed', async () => {
    const user = userEvent.setup();
    renderSpecForm(integrationProperties, { mode: 'create' });
    const input = screen.getByLabelText(/^Routing Key/, { selector: 'input' });
    await user.type(input, 'abc');
    const show = screen.getByRole('button', { name: 'Show Routing Key' });
    expect(show).toHaveAttribute('aria-pressed', 'false');
    await user.click(show);
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveValue('abc');
    const hide = screen.getByRole('button', { name: 'Hide Routing Key' });
    expect(hide).toHaveAttribute('aria-pressed', 'true');
    await user.click(hide);
    expect(input).toHaveAttribute('type', 'password');
  });

  it('says a required secret is required, using its title', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(integrationProperties, { mode: 'create' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Routing Key is required')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Routing Key/, { selector: 'input' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Routing Key/, { selector: 'input' })).toHaveAccessibleDescription(
      /Routing Key is required/,
    );
    expect(harness.submitted).toHaveLength(0);
  });
});

describe('SecretField in edit mode with a stored secret', () => {
  it('shows Configured with no input and no value, and sends nothing', async () => {
    const user = userEvent.setup();
    const { harness, container } = renderSpecForm(integrationProperties, {
      mode: 'edit',
      configuredSecrets: ['api_access_token'],
    });
    expect(screen.getByText('Configured')).toBeInTheDocument();
    expect(container.querySelectorAll('input')).toHaveLength(0);
    expect(container.textContent).not.toMatch(/[•*]{3,}/);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(harness.submitted).toHaveLength(1);
    expect(toPayload(integrationProperties, harness.submitted[0] ?? {})).toEqual({});
  });

  it('Replace focuses an empty input; Keep current goes back to Configured and sends nothing', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(integrationProperties, {
      mode: 'edit',
      configuredSecrets: ['api_access_token'],
    });
    await user.click(screen.getByRole('button', { name: 'Replace Routing Key' }));
    const input = screen.getByLabelText(/^New Routing Key/, { selector: 'input' });
    expect(input).toHaveFocus();
    expect(input).toHaveValue('');
    await user.type(input, 'NEWKEY');
    expect(payloadOf(harness)).toEqual({ api_access_token: 'NEWKEY' });
    await user.click(screen.getByRole('button', { name: 'Keep current' }));
    expect(screen.getByText('Configured')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace Routing Key' })).toHaveFocus();
    expect(payloadOf(harness)).toEqual({});
    expect(harness.form?.formState.isDirty).toBe(false);
  });

  it('a blank replacement of a required secret blocks saving instead of erasing it', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(integrationProperties, {
      mode: 'edit',
      configuredSecrets: ['api_access_token'],
    });
    await user.click(screen.getByRole('button', { name: 'Replace Routing Key' }));
    expect(screen.queryByText('Routing Key is required')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Routing Key is required')).toBeInTheDocument();
    expect(harness.submitted).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Keep current' }));
    await waitFor(() => expect(screen.queryByText('Routing Key is required')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(harness.submitted).toHaveLength(1);
  });

  it('a required secret offers no Clear', () => {
    renderSpecForm(integrationProperties, { mode: 'edit', configuredSecrets: ['api_access_token'] });
    expect(screen.queryByRole('button', { name: /Clear/ })).toBeNull();
  });

  it('an optional secret can be cleared (sends null) and the clearing undone (sends nothing)', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, { mode: 'edit', configuredSecrets: ['routing_key'] });
    await user.click(screen.getByRole('button', { name: 'Clear Routing Key Override' }));
    expect(screen.getByText('Will be removed when you save')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo clearing Routing Key Override' })).toHaveFocus();
    expect(payloadOf(harness, actionProperties)).toMatchObject({ parameters: { routing_key: null } });
    await user.click(screen.getByRole('button', { name: 'Undo clearing Routing Key Override' }));
    expect(screen.getByText('Configured')).toBeInTheDocument();
    expect(payloadOf(harness, actionProperties)).toEqual({ parameters: { severity: 'info', custom_details: {} } });
  });

  it('an optional secret left blank while replacing is omitted, never sent as empty', async () => {
    const user = userEvent.setup();
    const { harness } = renderSpecForm(actionProperties, { mode: 'edit', configuredSecrets: ['routing_key'] });
    await user.click(screen.getByRole('button', { name: 'Replace Routing Key Override' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(harness.submitted).toHaveLength(1);
    expect(toPayload(actionProperties, harness.submitted[0] ?? {})).not.toHaveProperty('parameters.routing_key');
  });
});

describe('SecretField standalone', () => {
  it('works with a raw spec property outside SpecFields', async () => {
    const user = userEvent.setup();
    let read: () => unknown = () => undefined;
    function Standalone() {
      const form = useForm<SpecFormValues>({ defaultValues: { token: { state: 'configured', value: '' } } });
      read = () => form.getValues('token');
      return (
        <SecretField
          property={{ field: 'token', type: 'string', secret: true, title: 'API Token' }}
          control={form.control}
        />
      );
    }
    render(<Standalone />);
    expect(screen.getByText('Configured')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear API Token' }));
    expect(read()).toEqual({ state: 'cleared', value: '' });
  });
});
