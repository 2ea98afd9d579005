import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../api/mock-fetch';
import { renderWithProviders } from '../../shared/testing/render-with-providers';
import { pagerDutyIntegration, pagerDutySpec } from '../../shared/testing/samples';
import { ConnectIntegrationForm } from './connect-integration-form';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('ConnectIntegrationForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows progress while PagerDuty validates, cannot submit twice, then reports success', async () => {
    const reply = deferred<Response>();
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
      'POST /api/integrations': () => reply.promise,
    });
    const onConnected = vi.fn();
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={onConnected} />);
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Add PagerDuty integration' })).toBeInTheDocument();
    expect(await screen.findByText(/Services > your service > Integrations/)).toBeInTheDocument();
    expect(screen.getByText(/change event creates no incident/)).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Routing Key/), 'abcdefabcdefabcdefabcdefabcdef12');
    const create = screen.getByRole('button', { name: 'Create' });
    await user.click(create);

    expect(await screen.findByText('Validating the routing key with PagerDuty…')).toBeInTheDocument();
    expect(create).toBeDisabled();
    fireEvent.click(create);

    reply.resolve(jsonResponse(201, pagerDutyIntegration));
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(pagerDutyIntegration));
    expect(await screen.findByText('The Integration has been successfully created.')).toBeInTheDocument();
    const posts = api.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ type: 'pagerduty', api_access_token: 'abcdefabcdefabcdefabcdefabcdef12' });
  });

  it("puts PagerDuty's reason under the field and keeps what was typed", async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
      'POST /api/integrations': {
        status: 400,
        body: {
          detail: 'PagerDuty refused the Routing Key.',
          code: 'invalid_key',
          pagerduty: {
            http_status: 400,
            status: 'invalid event',
            message: 'Event object is invalid',
            errors: ['Invalid routing key'],
          },
        },
      },
    });
    const onConnected = vi.fn();
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={onConnected} />);
    const user = userEvent.setup();

    const input = await screen.findByLabelText(/^Routing Key/);
    await user.type(input, 'not-a-key');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(
      await screen.findByText(/^Wrong routing key: .*PagerDuty said: “Event object is invalid; Invalid routing key”$/s),
    ).toBeInTheDocument();
    expect(input).toHaveValue('not-a-key');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Create' })).toBeEnabled();
    expect(onConnected).not.toHaveBeenCalled();

    // Editing the field retires the server's verdict at once, not on blur (which would shift the Create button).
    await user.type(input, 'x');
    expect(screen.queryByText(/^Wrong routing key/)).not.toBeInTheDocument();
  });

  it('maps a 422 detail list onto the field', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
      'POST /api/integrations': {
        status: 422,
        body: { detail: [{ loc: ['body', 'api_access_token'], msg: 'Must be 32 characters', type: 'value_error' }] },
      },
    });
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Routing Key/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Must be 32 characters')).toBeInTheDocument();
  });

  it('keeps the form when the network is down and says so', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
    });
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={vi.fn()} />);
    const user = userEvent.setup();
    const input = await screen.findByLabelText(/^Routing Key/);
    await user.type(input, 'abcdefabcdefabcdefabcdefabcdef12');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText(/Cannot reach the server/)).toBeInTheDocument();
    expect(input).toHaveValue('abcdefabcdefabcdefabcdefabcdef12');
  });

  it('clears "is required" as soon as a key is typed and keeps a line for it, so Create never moves', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
    });
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={vi.fn()} />);
    const user = userEvent.setup();
    const input = await screen.findByLabelText(/^Routing Key/);
    const form = screen.getByRole('form', { name: 'Connect PagerDuty' });
    // The line the message will take is there before it is needed.
    expect(form.querySelector('.sf-error-slot')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Routing Key is required')).toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(form.querySelector('.sf-error-slot')).toBeNull();
    await user.type(input, 'a');
    // Still focused in the box: the message went on the keystroke, not on blur or the next click.
    expect(screen.queryByText('Routing Key is required')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(form.querySelector('.sf-error-slot')).not.toBeNull();
  });

  it('says up front that a key is 32 letters and digits', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
    });
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={vi.fn()} />);
    expect(await screen.findByLabelText(/^Routing Key/)).toHaveAttribute('placeholder', '32 letters and digits');
  });

  it('moves focus to the field PagerDuty refused once the form is enabled again', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
      'POST /api/integrations': {
        status: 400,
        body: {
          detail: [{ loc: ['body', 'api_access_token'], msg: 'Invalid routing key', type: 'pagerduty.invalid_key' }],
          code: 'invalid_key',
        },
      },
    });
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={vi.fn()} />);
    const user = userEvent.setup();
    const input = await screen.findByLabelText(/^Routing Key/);
    await user.type(input, 'abcdefabcdefabcdefabcdefabcdef12{Enter}');
    expect(await screen.findByText(/^Wrong routing key: PagerDuty does not accept/)).toBeInTheDocument();
    await waitFor(() => expect(input).toHaveFocus());
  });

  it('Cancel stops a slow connect: the request is aborted and the form says nothing was stored', async () => {
    const api = mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
      'POST /api/integrations': () => new Promise<Response>(() => {}),
    });
    const onConnected = vi.fn();
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={onConnected} />);
    const user = userEvent.setup();
    const input = await screen.findByLabelText(/^Routing Key/);
    await user.type(input, 'abcdefabcdefabcdefabcdefabcdef12');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Validating the routing key with PagerDuty…')).toBeInTheDocument();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel).toBeEnabled();
    await user.click(cancel);

    const post = api.requests.find((request) => request.method === 'POST');
    expect(post?.signal?.aborted).toBe(true);
    const note = await screen.findByText(/^Cancelled\. Nothing was stored/);
    await waitFor(() => expect(note.closest('[role="status"]')).toHaveFocus());
    expect(input).toHaveValue('abcdefabcdefabcdefabcdefabcdef12');
    expect(screen.getByRole('button', { name: 'Create' })).toBeEnabled();
    expect(screen.queryByText(/Saving failed unexpectedly/)).not.toBeInTheDocument();
    expect(onConnected).not.toHaveBeenCalled();
  });

  it('says so when Cancel came after the server had already stored the integration', async () => {
    let posted = false;
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': () => ({ body: posted ? [pagerDutyIntegration] : [] }),
      'POST /api/integrations': () => {
        posted = true;
        return new Promise<Response>(() => {});
      },
    });
    renderWithProviders(<ConnectIntegrationForm type="pagerduty" onConnected={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Routing Key/), 'abcdefabcdefabcdefabcdefabcdef12');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/^Cancelled too late/)).toBeInTheDocument();
  });

  it('explains an unknown type instead of showing an empty form', async () => {
    mockApi({
      'GET /api/integrations-specifications': { body: [pagerDutySpec] },
      'GET /api/integrations': { body: [] },
    });
    renderWithProviders(<ConnectIntegrationForm type="nope" onConnected={vi.fn()} />);
    expect(await screen.findByRole('heading', { name: 'Unknown integration' })).toBeInTheDocument();
  });
});
