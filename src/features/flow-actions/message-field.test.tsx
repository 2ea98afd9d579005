import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { TriggerType } from '../../api/contract';
import { MessageField } from './message-field';

const tokens = [
  { name: 'flow_name', description: 'Name of the flow', sample: 'Nightly' },
  { name: 'datastore_name', description: 'Datastore', sample: 'warehouse' },
  { name: 'container_name', description: 'Container', sample: 'orders' },
];

function Harness({ triggerType = 'anomaly', initial = '' }: { triggerType?: TriggerType; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <MessageField value={value} onChange={setValue} triggerType={triggerType} tokens={tokens} />
      <output data-testid="value">{value}</output>
    </>
  );
}

// user-event treats `{` as a key descriptor: `{{` types one brace.
const braces = '{{{{';

describe('MessageField', () => {
  it('opens a listbox of tokens when {{ is typed and inserts the chosen one with Enter', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Message' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await user.type(input, `Alert ${braces}`);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('{{ flow_name }}'),
      expect.stringContaining('{{ datastore_name }}'),
      expect.stringContaining('{{ container_name }}'),
    ]);
    expect(input).toHaveAttribute('aria-activedescendant', options[0]!.id);

    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('Alert {{ datastore_name }}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveFocus();
  });

  it('filters by what is typed, wraps with ArrowUp and inserts with Tab', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Message' });
    await user.type(input, `${braces} cont`);
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await user.clear(input);
    await user.type(input, braces);
    await user.keyboard('{ArrowUp}');
    const options = screen.getAllByRole('option');
    expect(options[2]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Tab}');
    expect(screen.getByTestId('value')).toHaveTextContent('{{ container_name }}');
  });

  it('closes the list with Escape and keeps the text', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Message' });
    await user.type(input, `x ${braces}fl`);
    expect(screen.getByRole('listbox')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('x {{fl');
  });

  it('inserts a token chosen with the mouse', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Message' }), braces);
    await user.click(screen.getByRole('option', { name: /flow_name/ }));
    expect(screen.getByTestId('value')).toHaveTextContent('{{ flow_name }}');
  });

  it('warns about tokens the trigger does not offer, without marking the message invalid', () => {
    render(<Harness initial="{{ flow_name }} {{ anomaly_count }}" />);
    const message = screen.getByRole('combobox', { name: 'Message' });
    // A warning, since the message is sent as typed: amber helper text, not an error and not aria-invalid.
    expect(message).toHaveAccessibleDescription(/^Unknown token: \{\{ anomaly_count \}\}\. .*sent as typed\.$/);
    expect(message).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(document.querySelector('.MuiFormHelperText-root')).not.toHaveClass('Mui-error');
  });

  it('does not flag known tokens', () => {
    render(<Harness initial="{{flow_name}} in {{ datastore_name }}" />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns that Schedule and Manual triggers do not fill tokens, and offers none', async () => {
    const user = userEvent.setup();
    render(<Harness triggerType="schedule" />);
    expect(screen.getByText(/Schedule triggers have no tokens/)).toBeInTheDocument();
    const input = screen.getByRole('combobox', { name: 'Message' });
    await user.type(input, braces);
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });
});
