import type { Page, Request } from '@playwright/test';
import {
  api,
  createFlowWithPagerDutyAction,
  createPagerDutyIntegration,
  expect,
  keepScreenshot,
  recordApiRequests,
  resetState,
  simulator,
  test,
  validRoutingKey,
} from './fixtures';
import { AppShell, ConnectPage, DisconnectDialog, IntegrationsPage, SettingsPage } from './pages';

const malformedKey = 'not-a-routing-key';

/** Everything the page could leak a key through: markup, and both web storages. */
async function pageHoldsSecret(page: Page, secret: string): Promise<boolean> {
  const html = await page.content();
  const storages = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  return html.includes(secret) || storages.includes(secret);
}

test.describe('PagerDuty integration', () => {
  test('connects: a malformed key gets PagerDuty’s reason on the field, a valid key sends one change event', async ({
    managerPage: page,
  }) => {
    const integrations = new IntegrationsPage(page);
    const connect = new ConnectPage(page);
    const key = validRoutingKey('conn');

    await integrations.goto();
    await expect(integrations.status('PagerDuty', 'Not connected')).toBeVisible();
    await expect(integrations.status('Slack', 'Coming soon')).toBeVisible();
    await integrations.connect('PagerDuty');

    await expect(connect.heading()).toBeVisible();
    await expect(connect.help).toContainText('Services > your service > Integrations');
    await expect(connect.help).toContainText('creates no incident');

    await connect.connect(malformedKey);
    await expect(connect.routingKey).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/routing_key/i).first()).toBeVisible();
    await expect(connect.routingKey).toHaveValue(malformedKey);
    await expect(page).toHaveURL(/\/integrations\/pagerduty\/connect$/);
    await simulator.clearEvents();

    await connect.routingKey.fill(key);
    await connect.createButton.click();
    await expect(page.getByText('The Integration has been successfully created.')).toBeVisible();
    await expect(connect.createButton).toBeHidden();

    const events = await simulator.events();
    const withKey = events.filter((event) => event.routing_key === key);
    expect(withKey).toHaveLength(1);
    expect(withKey[0]?.endpoint).toBe('change');
    expect(events.filter((event) => event.endpoint === 'enqueue' || event.event_action === 'trigger')).toHaveLength(0);

    // The stored key never comes back to the page.
    expect(await pageHoldsSecret(page, key)).toBe(false);
    await new AppShell(page).navLink('Integrations').click();
    // The setup wizard goes on after Connect and may ask before it is left.
    const leave = page.getByRole('dialog').getByRole('button', { name: 'Leave' });
    await expect(integrations.heading.or(leave)).toBeVisible();
    if (await leave.isVisible()) await leave.click();
    await expect(integrations.status('PagerDuty', 'Connected')).toBeVisible();
    expect(await pageHoldsSecret(page, key)).toBe(false);
    await integrations.edit('PagerDuty');
    const settings = new SettingsPage(page);
    await expect(settings.configured).toBeVisible();
    expect(await pageHoldsSecret(page, key)).toBe(false);
    await page.reload();
    await expect(settings.heading()).toBeVisible();
    await expect(settings.configured).toBeVisible();
    expect(await pageHoldsSecret(page, key)).toBe(false);
  });

  test('shows progress while PagerDuty is slow, cannot be pressed twice, and keeps the key on a timeout', async ({
    managerPage: page,
  }) => {
    const connect = new ConnectPage(page);
    const key = validRoutingKey('slow');
    const posts: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/integrations') posts.push(request);
    });
    // PagerDuty holds its answer past the server's 3 s timeout.
    await simulator.fault('timeout', 1);
    await connect.goto();
    await connect.routingKey.fill(key);
    await connect.createButton.click();
    await expect(connect.validating).toBeVisible();
    await expect(connect.createButton).toBeDisabled();
    await connect.createButton.click({ force: true, timeout: 1000 }).catch(() => undefined);

    await expect(page.getByRole('alert').filter({ hasText: /did not answer/ })).toBeVisible();
    await expect(connect.routingKey).toHaveValue(key);
    expect(posts).toHaveLength(1);

    await connect.createButton.click();
    await expect(page.getByText('The Integration has been successfully created.')).toBeVisible();
    expect(posts).toHaveLength(2);
  });

  test('explains a PagerDuty rate limit and keeps the key for another try', async ({ managerPage: page }) => {
    const connect = new ConnectPage(page);
    const key = validRoutingKey('busy');
    // More 429s than the server's brief retries absorb.
    await simulator.fault('rate_limit', 3);
    await connect.goto();
    await connect.connect(key);
    await expect(page.getByRole('alert').filter({ hasText: /[Tt]ry again in \d+ seconds?/ })).toBeVisible();
    await expect(connect.routingKey).toHaveValue(key);
    await expect(connect.createButton).toBeEnabled();
  });

  test('Replace then Keep current changes nothing: Update says so, sends nothing, and PagerDuty hears nothing', async ({
    managerPage: page,
  }) => {
    const key = validRoutingKey('edit');
    const integration = await createPagerDutyIntegration(key);
    await simulator.clearEvents();
    const settings = new SettingsPage(page);
    const bodies: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') bodies.push(request.postData() ?? '');
    });

    await settings.goto(integration.id);
    await expect(settings.heading()).toBeVisible();
    await expect(settings.configured).toBeVisible();
    // Replace then Keep current: back to the stored key.
    await settings.replaceButton.click();
    await settings.newRoutingKey.fill('typed-but-abandoned');
    await settings.keepCurrentButton.click();
    await expect(settings.configured).toBeVisible();
    await settings.updateButton.click();
    await expect(page.getByText('Nothing changed, so nothing was sent.')).toBeVisible();
    await expect(page.getByText('The Integration has been successfully updated')).toHaveCount(0);

    expect(bodies).toEqual([]);
    expect(await simulator.events()).toHaveLength(0);
  });

  test('rotates the key: the new key is validated once and the old one stays unseen', async ({ managerPage: page }) => {
    const oldKey = validRoutingKey('old');
    const newKey = validRoutingKey('new');
    const integration = await createPagerDutyIntegration(oldKey);
    await simulator.clearEvents();
    const settings = new SettingsPage(page);

    await settings.goto(integration.id);
    await settings.rotateKey(newKey);
    await expect(page.getByText('The Integration has been successfully updated')).toBeVisible();
    await expect(settings.replaceButton).toBeVisible();

    const events = await simulator.events();
    expect(events.map((event) => event.routing_key)).toEqual([newKey]);
    expect(await pageHoldsSecret(page, newKey)).toBe(false);
    expect(await pageHoldsSecret(page, oldKey)).toBe(false);
  });

  test('a save based on an outdated read is refused, not silently overwriting the other change', async ({
    managerPage: page,
  }) => {
    const integration = await createPagerDutyIntegration(validRoutingKey('race'));
    const settings = new SettingsPage(page);
    await settings.goto(integration.id);
    await expect(settings.configured).toBeVisible();

    // Someone else rotates the key after this page loaded.
    const otherKey = validRoutingKey('other');
    await api('updateIntegration', { params: { id: integration.id }, body: { api_access_token: otherKey } });
    await simulator.clearEvents();

    const mine = validRoutingKey('mine');
    await settings.rotateKey(mine);
    const conflict = page.getByRole('dialog', { name: 'Changed somewhere else' });
    await expect(conflict).toContainText('No visible setting changed (a secret may have been replaced).');
    await expect(settings.newRoutingKey).toHaveValue(mine);
    expect(await simulator.events()).toHaveLength(0);

    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect(conflict).toBeHidden();
    await expect(settings.newRoutingKey).toHaveValue(mine);
    await settings.updateButton.click();
    await expect(page.getByText('The Integration has been successfully updated')).toBeVisible();
    expect((await simulator.events()).map((event) => event.routing_key)).toEqual([mine]);
  });

  test('disconnects after a dialog that names the affected flow, which is kept', async ({ managerPage: page }) => {
    await createPagerDutyIntegration(validRoutingKey('disc'));
    const flow = await createFlowWithPagerDutyAction('Orders freshness alerts');
    const integrations = new IntegrationsPage(page);
    const dialog = new DisconnectDialog(page);

    await integrations.goto();
    await integrations.disconnect('PagerDuty');
    await expect(dialog.affectedFlows).toContainText(flow.name);
    await expect(dialog.dialog).toContainText('not deleted');
    await dialog.confirm();

    await expect(page.getByText('The Integration has been successfully disconnected')).toBeVisible();
    await expect(integrations.status('PagerDuty', 'Not connected')).toBeVisible();
    const flows = await api('listFlows');
    expect(flows.map((f) => f.name)).toContain(flow.name);
  });

  test('a Member is told that Manager permission is required', async ({ memberPage: page }) => {
    const integrations = new IntegrationsPage(page);
    await integrations.goto();
    await expect(integrations.heading).toBeVisible();
    await expect(page.getByText('Manager permission required')).toBeVisible();
    await new ConnectPage(page).goto();
    await expect(page.getByText('Manager permission required')).toBeVisible();
  });

  test('loading a page requests each resource once', async ({ managerPage: page }) => {
    const integration = await createPagerDutyIntegration(validRoutingKey('count'));
    const recorder = recordApiRequests(page);

    await new IntegrationsPage(page).goto();
    await expect(new IntegrationsPage(page).status('PagerDuty', 'Connected')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(recorder.list().sort()).toEqual(
      ['GET /api/integrations', 'GET /api/integrations-specifications', 'GET /api/users/me'].sort(),
    );

    recorder.requests.length = 0;
    await new SettingsPage(page).goto(integration.id);
    await expect(new SettingsPage(page).configured).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(recorder.list().sort()).toEqual(
      [
        `GET /api/integrations/${integration.id}`,
        'GET /api/integrations-specifications',
        'GET /api/users/me',
        // The latest key check: which key is stored and when it was last verified.
        'GET /api/notifications/deliveries',
      ].sort(),
    );
  });

  test('screenshots for the README', async ({ managerPage: page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await createPagerDutyIntegration(validRoutingKey('shot'));
    await new IntegrationsPage(page).goto();
    await expect(new IntegrationsPage(page).status('PagerDuty', 'Connected')).toBeVisible();
    await keepScreenshot(page, testInfo, 'integrations', null);

    await resetState();
    const connect = new ConnectPage(page);
    await connect.goto();
    await expect(connect.heading()).toBeVisible();
    await connect.routingKey.fill('abc');
    await keepScreenshot(page, testInfo, 'connect', null);
  });
});
