import {
  api,
  createPagerDutyIntegration,
  expect,
  expectNoAxeViolations,
  keepScreenshot,
  simulator,
  test,
  validRoutingKey,
} from './fixtures';
import type { Flow, Severity } from '../src/api/contract';
import { IntegrationsPage, SettingsPage } from './pages';
import { DeliveriesPage } from './pages/deliveries-page';
import { FlowDetailPage } from './pages/flow-detail-page';
import { FlowExecutions } from './pages/flow-executions';
import { WizardPage } from './pages/wizard-page';

// PagerDuty round trips, polling and axe scans on a machine shared by several engineers: allow time.
test.describe.configure({ timeout: 120_000 });

async function flowWithAction(name: string, severity: Severity = 'error') {
  return api('createFlow', {
    body: {
      name,
      trigger_type: 'anomaly',
      actions: [{ type: 'PagerDuty', tokenized_message: 'Anomaly in {{ datastore_name }}', parameters: { severity } }],
    },
  });
}

/** The events the simulator received with this action ("trigger", "resolve", ...), in order. */
async function eventActions(dedupKey?: string): Promise<string[]> {
  const events = await simulator.events();
  return events
    .filter((e) => e.endpoint === 'enqueue' && (!dedupKey || e.dedup_key === dedupKey))
    .map((e) => String(e.event_action));
}

async function sendTestViaApi(flow: Flow) {
  return api('testNotification', {
    body: {
      type: 'PagerDuty',
      tokenized_message: 'Anomaly in {{ datastore_name }}',
      parameters: { severity: 'critical' },
      flow_id: flow.id,
      action_id: flow.actions[0]!.id,
    },
  });
}

test('Execute says it opens real incidents, then the execution and its action turn Success', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('exec'));
  const flow = await flowWithAction('Orders freshness', 'critical');
  await simulator.clearEvents();

  const flowPage = new FlowDetailPage(page);
  const executions = new FlowExecutions(page);
  await flowPage.goto(flow.id);
  await expect(page.getByText('This flow has not run yet.')).toBeVisible();
  await executions.executeButton.click();
  await expect(executions.confirmDialog).toContainText('opens real PagerDuty incidents');
  await expect(executions.confirmDialog).toContainText('1 at Critical');
  await expect(executions.confirmDialog).toContainText('the message tokens get sample values');
  await executions.confirmDialog.getByRole('button', { name: 'Execute and open the incident' }).click();

  await expect(executions.latest()).toHaveAccessibleName(/: Success$/);
  await expect(executions.latest()).toContainText('PagerDuty action 1 (“Anomaly in {{ datastore_name }}”): Success');
  await expect(flowPage.action(1).getByRole('status', { name: 'Delivery health' })).toContainText(
    'Delivering — last success',
  );
  expect(await eventActions()).toEqual(['trigger']);
  await expectNoAxeViolations(page, 'flow page with an execution');
});

test("a revoked key turns the card and the action failing with PagerDuty's reason; rotating heals it; Retry now delivers", async ({
  managerPage: page,
}, testInfo) => {
  const oldKey = validRoutingKey('revoked');
  await createPagerDutyIntegration(oldKey);
  const flow = await flowWithAction('Checkout anomalies');
  await simulator.revoke(oldKey);

  const flowPage = new FlowDetailPage(page);
  const executions = new FlowExecutions(page);
  await flowPage.goto(flow.id);
  await executions.execute();
  await expect(executions.latest()).toHaveAccessibleName(/: Failure$/);
  const actionHealth = flowPage.action(1).getByRole('status', { name: 'Delivery health' });
  await expect(actionHealth).toContainText('Failing since');
  await expect(actionHealth).toContainText('Invalid routing key');
  await expect(flowPage.action(1).getByRole('link', { name: 'Rotate or verify the key' })).toBeVisible();

  const catalog = new IntegrationsPage(page);
  await catalog.goto();
  const card = catalog.card('PagerDuty');
  await expect(card.getByRole('status', { name: 'Delivery health' })).toContainText('Failing since');
  await expect(card).toContainText('Invalid routing key');
  await expect(card.getByRole('button', { name: 'Verify the PagerDuty key' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'integration-card-failing', card);
  await card.getByRole('link', { name: 'Rotate the PagerDuty key' }).click();

  const settings = new SettingsPage(page);
  await expect(settings.heading()).toBeVisible();
  const newKey = validRoutingKey('rotated').replace(/.{4}$/, 'NEW4');
  await settings.rotateKey(newKey);
  const delivery = page.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('…NEW4')).toBeVisible();
  await expect(delivery.getByRole('status', { name: 'Delivery health' })).toContainText('Delivering — last success');

  // The failed trigger is retried with its dedup key and the integration's key as it is now: the revoked key stays
  // revoked at PagerDuty, and Retry now delivers with the rotated one.
  await simulator.clearEvents();
  const log = new DeliveriesPage(page);
  await log.goto('?kind=trigger&status=failed');
  await log.rowButton('Trigger').click();
  await expect(log.detail).toContainText('Invalid routing key');
  await log.detailButton('Retry now').click();
  await expect(log.detail.getByRole('status').filter({ hasText: /^Delivered at / })).toBeVisible();
  const triggers = (await simulator.events()).filter((e) => e.event_action === 'trigger');
  // One trigger since then: the retry, with the new key and the dedup key the detail shows (PagerDuty merges it).
  expect(triggers).toHaveLength(1);
  expect(String(triggers[0]?.routing_key)).toBe(newKey);
  await expect(log.detail).toContainText(String(triggers[0]?.dedup_key));
});

test('the result card resolves the test incident it opened, and PagerDuty gets the resolve', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('resolvecard'));
  await flowWithAction('Card resolve', 'critical');
  const flows = await api('listFlows');
  await simulator.clearEvents();

  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flows[0]!.id);
  await flowPage.editAction(1);
  await expect(flowPage.panel).toBeVisible();
  await expect(flowPage.panel).toContainText('A test at Error or Critical pages the on-call person now');
  await flowPage.editor.sendTest();
  const result = flowPage.editor.result;
  await expect(result).toContainText('Delivered');
  await result.getByRole('button', { name: 'Resolve this test incident' }).click();
  await expect(result.getByText(/^Resolved at /)).toBeVisible();
  const triggers = (await simulator.events()).filter((e) => e.event_action === 'trigger');
  const dedupKey = String(triggers[0]?.dedup_key);
  expect(await eventActions(dedupKey)).toEqual(['trigger', 'resolve']);
});

test('by keyboard alone: filter the log, open a test delivery and resolve its incident', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('keyboard'));
  const flow = await flowWithAction('Keyboard resolve', 'critical');
  const sent = await sendTestViaApi(flow);
  const log = new DeliveriesPage(page);
  await log.goto();
  await expect(log.heading).toBeVisible();

  await log.kind.focus();
  await page.keyboard.type('Test');
  await expect(page).toHaveURL(/kind=test/);
  await expect(log.table.getByRole('button', { name: /^Open Key check/ })).toHaveCount(0);
  await log.rowButton('Test').focus();
  await page.keyboard.press('Enter');
  await expect(log.detail).toBeVisible();
  await log.detailButton('Resolve').focus();
  await page.keyboard.press('Enter');
  await expect(log.detail.getByRole('status').filter({ hasText: /^Resolved at / })).toBeVisible();
  expect(await eventActions(sent.pagerduty.dedup_key)).toEqual(['trigger', 'resolve']);
  await page.keyboard.press('Escape');
  await expect(log.detail).toBeHidden();
});

test("the log's filters live in the address: they survive a reload, and Back steps through them", async ({
  managerPage: page,
}, testInfo) => {
  await createPagerDutyIntegration(validRoutingKey('filters'));
  const flow = await flowWithAction('Filters');
  await sendTestViaApi(flow);
  const log = new DeliveriesPage(page);
  await log.goto();
  await expect(log.rowButton('Test')).toBeVisible();
  await expect(log.rowButton('Key check')).toBeVisible();
  await keepScreenshot(page, testInfo, 'delivery-log', null);

  await log.status.selectOption('delivered');
  await expect(page).toHaveURL(/status=delivered/);
  await log.kind.selectOption('test');
  await expect(page).toHaveURL(/kind=test/);
  await expect(log.rowButton('Key check')).toHaveCount(0);
  await page.reload();
  await expect(log.kind).toHaveValue('test');
  await expect(log.status).toHaveValue('delivered');
  await expect(log.rowButton('Test')).toBeVisible();
  await page.goBack();
  await expect(log.kind).toHaveValue('');
  await expect(log.status).toHaveValue('delivered');
  await expect(log.rowButton('Key check')).toBeVisible();
});

test("the wizard's Done step resolves its test incident on finishing", async ({ managerPage: page }) => {
  await createPagerDutyIntegration(validRoutingKey('wizdone'));
  await simulator.clearEvents();
  const wizard = new WizardPage(page);
  await wizard.goto('notification');
  await expect(wizard.currentStep('Notification')).toBeVisible();
  await wizard.flowName.fill('Wizard resolve');
  await wizard.editor.typeMessage('Freshness broke');
  await wizard.editor.chooseSeverity('Critical');
  await wizard.button('Next: Send test').click();
  await expect(page.getByText('A test at Error or Critical pages the on-call person now')).toBeVisible();
  await expect(wizard.button('Test as Info')).toBeVisible();
  await wizard.editor.sendTest();
  await expect(wizard.editor.result).toContainText('Delivered');
  await wizard.saveAndFinish.click();
  await expect(wizard.currentStep('Done')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Resolve the test incident when I finish' })).toBeChecked();
  await page.getByRole('link', { name: 'Open the flow' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wizard resolve' })).toBeVisible();
  await expect.poll(() => eventActions()).toEqual(['trigger', 'resolve']);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`delivery pages in ${colorScheme} mode`, () => {
    test.use({ colorScheme });
    test(`axe finds nothing on the log, a delivery and a failing card (${colorScheme})`, async ({
      managerPage: page,
    }) => {
      const key = validRoutingKey(`axe${colorScheme}`);
      await createPagerDutyIntegration(key);
      const flow = await flowWithAction(`Axe ${colorScheme}`);
      await sendTestViaApi(flow);
      const log = new DeliveriesPage(page);
      await log.goto();
      await expect(log.rowButton('Test')).toBeVisible();
      await expectNoAxeViolations(page, `delivery log (${colorScheme})`);
      await log.rowButton('Test').click();
      await expect(log.detailButton('Resolve')).toBeVisible();
      await expectNoAxeViolations(page, `delivery detail (${colorScheme})`);

      await simulator.revoke(key);
      const flowPage = new FlowDetailPage(page);
      const executions = new FlowExecutions(page);
      await flowPage.goto(flow.id);
      await executions.execute();
      await expect(executions.latest()).toHaveAccessibleName(/: Failure$/);
      await expectNoAxeViolations(page, `flow page with a failing action (${colorScheme})`);
      const catalog = new IntegrationsPage(page);
      await catalog.goto();
      await expect(catalog.card('PagerDuty')).toContainText('Invalid routing key');
      await expectNoAxeViolations(page, `integrations with a failing card (${colorScheme})`);
      await new SettingsPage(page).goto(Number((await api('listIntegrations'))[0]!.id));
      await expect(page.getByRole('button', { name: 'Verify key' })).toBeVisible();
      await expectNoAxeViolations(page, `settings with delivery health (${colorScheme})`);
    });
  });
}
