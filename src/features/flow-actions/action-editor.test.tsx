import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NavigationRouter } from '../../shared/navigation';
import { describe, expect, it } from 'vitest';
import type { PagerDutyAction, SpecProperty } from '../../api/contract';
import { ActionEditor } from './action-editor';
import { useActionForm, type ActionDraft } from './action-form';

const properties: SpecProperty[] = [
  {
    field: 'severity',
    map_to: 'parameters',
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
  { field: 'custom_details', map_to: 'parameters', title: 'Additional Details', type: 'object' },
  { field: 'routing_key', map_to: 'parameters', title: 'Routing Key Override', type: 'string', secret: true },
];

const tokens = [
  { name: 'datastore_name', description: 'Datastore', sample: 'warehouse' },
  { name: 'container_name', description: 'Container', sample: 'orders' },
];

function Harness({
  draft,
  action,
  connected = true,
}: {
  draft?: ActionDraft;
  action?: PagerDutyAction;
  connected?: boolean;
}) {
  const form = useActionForm(properties, action, draft);
  return (
    <NavigationRouter>
      <ActionEditor
        form={form}
        properties={properties}
        integrationConnected={connected}
        triggerType="anomaly"
        tokens={tokens}
        flowName="Nightly"
      />
    </NavigationRouter>
  );
}

const preview = () => screen.getByRole('region', { name: 'Event preview' });

describe('ActionEditor', () => {
  it('previews the event live as the message is typed, with tokens filled', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Message' }), 'Anomaly in {{{{ datastore_name }}');
    expect(within(preview()).getByText('Anomaly in warehouse')).toBeInTheDocument();
    expect(preview()).toHaveTextContent('"severity": "info"');
  });

  it('marks the Message when the summary is over 1024 characters', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const message = screen.getByRole('combobox', { name: 'Message' });
    await user.click(message);
    await user.paste('x'.repeat(1025));
    expect(message).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(/The summary is 1,025 characters once tokens are filled; PagerDuty accepts at most 1,024/, {
        selector: 'p',
      }),
    ).toBeInTheDocument();
    expect(within(preview()).getByRole('alert')).toHaveTextContent('Message:');
  });

  it('marks the Additional Details when the event is over 512 KB', () => {
    render(
      <Harness
        draft={{ tokenized_message: 'Big', severity: 'error', custom_details: { blob: '€'.repeat(180_000) } }}
      />,
    );
    expect(within(preview()).getByRole('alert')).toHaveTextContent('Additional Details:');
    const marks = screen
      .getAllByRole('alert')
      .filter((el) => /Shorten the Additional Details/.test(el.textContent ?? ''));
    expect(marks.length).toBeGreaterThanOrEqual(2);
  });

  it("says the integration's key is used, and this action's override once one is typed", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByText(/Events go to/)).toHaveTextContent("the integration's key");
    await user.type(screen.getByLabelText('Routing Key Override'), 'abcdefghijklmnopqrstuvwxyzABWXYZ');
    expect(screen.getByText(/Events go to/)).toHaveTextContent("this action's override (key ending in WXYZ)");
    expect(preview()).toHaveTextContent('override …WXYZ');
    expect(preview()).not.toHaveTextContent('abcdefghijklmnop');
  });

  it('shows the meaning of the chosen severity', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByText(/low urgency, may not page anyone/, { selector: 'p' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Severity'), 'critical');
    expect(screen.getByText(/pages the on-call responder at once/, { selector: 'p' })).toBeInTheDocument();
  });

  it('warns when PagerDuty is not connected and no override is set', () => {
    render(<Harness connected={false} />);
    expect(screen.getByRole('link', { name: 'Connect PagerDuty' })).toHaveAttribute(
      'href',
      '/integrations/pagerduty/connect',
    );
  });
});
