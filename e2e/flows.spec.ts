import {
  api,
  createPagerDutyIntegration,
  expect,
  expectNoAxeViolations,
  keepScreenshot,
  signInAs,
  simulator,
  test,
  validRoutingKey,
} from './fixtures';
import { AppShell } from './pages';
import { FlowDetailPage } from './pages/flow-detail-page';
import { FlowsListPage } from './pages/flows-list-page';
import { pagerDutySchemaErrors, simulatorRecords } from './pages/flow-pagerduty-checks';

// Real typing, axe scans and PagerDuty round trips on a machine shared by several engineers: allow time.
test.describe.configure({ timeout: 120_000 });

const triggers = () => simulatorRecords().then((records) => records.filter((r) => r.endpoint === 'enqueue'));

async function flowWithAction(name: string, parameters: Record<string, unknown> = { severity: 'error' }) {
  return api('createFlow', {
    body: {
      name,
      trigger_type: 'anomaly',
      actions: [{ type: 'PagerDuty', tokenized_message: 'Anomaly in {{ datastore_name }}', parameters }],
    },
  });
}

test('a test using an override key reaches PagerDuty under that key, and the action saves with it', async ({
  managerPage: page,
}) => {
  const integrationKey = validRoutingKey('integ');
  const overrideKey = validRoutingKey('overr').replace(/.{4}$/, 'OVR9');
  await createPagerDutyIntegration(integrationKey);
  await simulator.clearEvents();

  const list = new FlowsListPage(page);
  await list.goto();
  await list.createFlow('Checkout anomalies', 'Anomaly');
  const flowPage = new FlowDetailPage(page);
  await expect(flowPage.heading('Checkout anomalies')).toBeVisible();
  await flowPage.addActionButton.click();
  await expect(flowPage.panel).toBeVisible();
  const { editor } = flowPage;
  await editor.typeMessage('Checkout broke in {{');
  await page.keyboard.type('container');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(editor.message).toHaveValue('Checkout broke in {{ container_link }}');
  await editor.chooseSeverity('Error');
  await editor.typeOverride(overrideKey);
  await expect(editor.keyLine).toContainText("this action's override (key ending in OVR9)");
  await expect(editor.preview).toContainText('override …OVR9');
  await expect(editor.preview).not.toContainText(overrideKey);
  await expectNoAxeViolations(page, 'Action editor');

  await editor.sendTest();
  await expect(editor.result).toContainText("This action's override ending in OVR9");
  const sent = await triggers();
  expect(sent).toHaveLength(1);
  expect(sent[0]?.body.routing_key).toBe(overrideKey);
  expect(pagerDutySchemaErrors(sent[0]?.body)).toEqual([]);

  const put = page.waitForRequest((r) => r.method() === 'PUT' && /\/api\/flows\/\d+$/.test(r.url()));
  await flowPage.save();
  const body = (await put).postDataJSON() as { actions: { parameters: { routing_key?: string } }[] };
  expect(body.actions[0]?.parameters.routing_key).toBe(overrideKey);
  await expect(page.getByText('The Flow has been successfully updated.')).toBeVisible();
  await expect(flowPage.panel).toBeHidden();
  await expect(flowPage.action(1)).toContainText("Key: this action's override");
  // The key is never rendered back once saved.
  await expect(page.locator('body')).not.toContainText(overrideKey);
});

test('editing an action without touching its override keeps it, and the last test goes stale after a change', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('keepi'));
  const overrideKey = validRoutingKey('keepo').replace(/.{4}$/, 'KEEP');
  const flow = await flowWithAction('Kept override', { severity: 'warning', routing_key: overrideKey });
  await simulator.clearEvents();

  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flow.id);
  await new AppShell(page).chooseTheme('Dark');
  await flowPage.editAction(1);
  const { editor } = flowPage;
  await expect(flowPage.panel.getByText('Configured')).toBeVisible();
  await expectNoAxeViolations(page, 'Action editor in dark mode');
  await expect(editor.keyLine).toContainText("this action's override (the stored key)");
  await editor.message.fill('Warehouse anomaly: {{ anomaly_message }}');

  const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api/flows/${flow.id}`));
  await flowPage.save();
  const body = (await put).postDataJSON() as { actions: { id?: number; parameters: Record<string, unknown> }[] };
  expect(body.actions).toHaveLength(1);
  expect(body.actions[0]?.id).toBe(flow.actions[0]?.id);
  expect(body.actions[0]?.parameters).not.toHaveProperty('routing_key');
  await expect(flowPage.panel).toBeHidden();
  const saved = await api('getFlow', { params: { id: flow.id } });
  expect(saved.actions[0]?.parameters.routing_key_configured).toBe(true);

  // A test of the saved action uses the stored override.
  await flowPage.editAction(1);
  await expect(editor.lastTest.or(flowPage.panel.getByText('Last test: never tested.'))).toBeVisible();
  await editor.sendTest();
  await expect(editor.result).toContainText("This action's override ending in KEEP");
  const sent = await triggers();
  expect(sent.map((r) => r.body.routing_key)).toEqual([overrideKey]);
  await expect(editor.lastTest).toContainText('Delivered');
  await expect(editor.lastTest).not.toContainText('Stale');
  await editor.chooseSeverity('Critical');
  await expect(editor.lastTest).toContainText('Stale: settings changed since this test');
});

test('a revoked key, a rate limit and a timeout each explain what happened and what to do', async ({
  page,
}, testInfo) => {
  // The server allows each user a few test notifications a minute; this test sends three, as an Admin, so the
  // Manager journeys around it keep their share.
  await signInAs(page, 'Admin');
  const key = validRoutingKey('revok');
  await createPagerDutyIntegration(key);
  const flow = await flowWithAction('Failing deliveries');
  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flow.id);
  await flowPage.editAction(1);
  const { editor } = flowPage;

  await simulator.revoke(key);
  await editor.sendTest();
  await expect(editor.result.getByRole('heading', { name: 'Not delivered: Wrong routing key' })).toBeVisible();
  await expect(editor.result).toContainText('Services > your service > Integrations > Events API v2');
  await keepScreenshot(page, testInfo, 'test-failed', editor.result);
  await expectNoAxeViolations(page, 'Failed result card');

  await simulator.reset();
  await simulator.fault('rate_limit', 3);
  await editor.sendTest();
  await expect(editor.result.getByRole('heading', { name: 'Not delivered: Rate limited by PagerDuty' })).toBeVisible();
  await expect(editor.result).toContainText(
    /Try again in \d+ (seconds|minutes) \(at \d\d?:\d\d:\d\d( [AP]M)? [A-Z+\d:-]+\)/,
  );

  await simulator.reset();
  await simulator.fault('timeout', 1);
  await editor.sendTest();
  await expect(editor.sendTestButton.or(flowPage.panel.getByRole('button', { name: 'Sending test…' }))).toBeDisabled();
  await expect(
    editor.result.getByRole('heading', { name: 'Not delivered: PagerDuty did not answer in time' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(editor.result).toContainText('an incident may already be open');
  await expect(editor.result).toContainText(/try again in a minute/i);
});

test('actions are flagged as unable to deliver while PagerDuty is not connected', async ({ managerPage: page }) => {
  const flow = await flowWithAction('Orphaned');
  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flow.id);
  const flagged = flowPage.action(1);
  await expect(flagged).toContainText('Cannot deliver: PagerDuty is not connected.');
  await expect(flagged.getByRole('link', { name: 'Connect PagerDuty' })).toHaveAttribute(
    'href',
    '/integrations/pagerduty/connect',
  );
  await flowPage.editAction(1);
  await flowPage.editor.sendTest();
  await expect(
    flowPage.editor.result.getByRole('heading', { name: 'Not delivered: PagerDuty is not connected' }),
  ).toBeVisible();
  await flowPage.panel.getByRole('button', { name: 'Close PagerDuty notification' }).click();

  // The flow can go away altogether.
  await page.getByRole('button', { name: 'Delete flow' }).click();
  await page.getByRole('dialog', { name: 'Delete “Orphaned”?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/flows$/);
  await expect(page.getByText('No flows yet.')).toBeVisible();
  expect(await api('listFlows')).toEqual([]);
});

test('a Member sees the flow and its actions read-only', async ({ memberPage: page }) => {
  const flow = await flowWithAction('Read only');
  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flow.id);
  await expect(flowPage.heading('Read only')).toBeVisible();
  await expect(page.getByText("Manager permission required to change this flow's PagerDuty actions.")).toBeVisible();
  await expect(flowPage.action(1)).toContainText('Anomaly in {{ datastore_name }}');
  await expect(flowPage.addActionButton).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Edit PagerDuty action 1' })).toBeDisabled();

  // What a Member cannot finish is not offered: disabled, with the reason on keyboard focus and on hover.
  const list = new FlowsListPage(page);
  await list.goto();
  await expect(list.table).toBeVisible();
  await expect(list.createButton).toBeDisabled();
  const reason = page.getByRole('group', { name: 'Manager permission required to create flows.' });
  await reason.focus();
  await expect(reason).toBeFocused();
  await reason.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Manager permission required to create flows.');
});
