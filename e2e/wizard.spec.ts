import {
  api,
  createPagerDutyIntegration,
  expect,
  expectNoAxeViolations,
  keepScreenshot,
  test,
  validRoutingKey,
} from './fixtures';
import { pagerDutySchemaErrors, simulatorRecords } from './pages/flow-pagerduty-checks';
import { FlowDetailPage } from './pages/flow-detail-page';
import { WizardPage } from './pages/wizard-page';

// Real typing, axe scans and PagerDuty round trips on a machine shared by several engineers: allow time.
test.describe.configure({ timeout: 120_000 });

test('a first-time manager connects PagerDuty, writes a notification, tests it and saves it', async ({
  managerPage: page,
}, testInfo) => {
  const wizard = new WizardPage(page);
  const routingKey = validRoutingKey('wizard');
  await wizard.goto();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up PagerDuty' })).toBeVisible();
  await expect(wizard.routingKey).toBeVisible();
  await expectNoAxeViolations(page, 'Connect step');

  // Connect, by keyboard: type the key and press Enter.
  await wizard.routingKey.click();
  await page.keyboard.type(routingKey);
  await page.keyboard.press('Enter');
  await expect(wizard.currentStep('Notification')).toBeVisible();
  await expect(wizard.currentStep('Notification')).toBeFocused();
  let records = await simulatorRecords();
  expect(records.map((r) => r.endpoint)).toEqual(['change']);
  expect(records[0]?.body.routing_key).toBe(routingKey);

  // Notification: a new flow, a message with a token chosen from the list by keyboard, severity, a detail.
  await wizard.flowName.click();
  await page.keyboard.type('Orders freshness');
  const { editor } = wizard;
  await editor.typeMessage('Anomaly in {{');
  await expect(editor.tokenList).toBeVisible();
  await page.keyboard.type('datastore_n');
  await expect(editor.tokenList.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(editor.message).toHaveValue('Anomaly in {{ datastore_name }}');
  await expect(editor.tokenList).toBeHidden();
  await editor.severity.focus();
  await editor.chooseSeverity('Critical');
  await expect(page.getByText('pages the on-call responder at once', { exact: false }).first()).toBeVisible();
  await editor.addDetail('team', 'data-platform');
  await expect(editor.preview).toContainText('Anomaly in Snowflake Prod');
  await expect(editor.preview).toContainText('"team": "data-platform"');
  await expect(editor.keyLine).toContainText("the integration's key");
  await expectNoAxeViolations(page, 'Notification step');
  await keepScreenshot(page, testInfo, 'wizard', null);

  // A reload keeps the step and everything typed.
  await page.reload();
  await expect(wizard.currentStep('Notification')).toBeVisible();
  await expect(wizard.flowName).toHaveValue('Orders freshness');
  await expect(editor.message).toHaveValue('Anomaly in {{ datastore_name }}');
  await expect(editor.severity).toHaveValue('critical');
  await expect(editor.details.getByRole('textbox', { name: 'Key 1' })).toHaveValue('team');
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(routingKey);

  // Send test.
  await wizard.button('Next: Send test').click();
  await expect(wizard.currentStep('Send test')).toBeVisible();
  await expect(page.getByText('A test sends a real trigger event')).toBeVisible();
  await expectNoAxeViolations(page, 'Send test step');
  await editor.sendTest();
  const card = editor.result;
  await expect(card.getByRole('heading', { name: 'Anomaly in Snowflake Prod' })).toBeVisible();
  await expect(card).toContainText('Critical');
  await expect(card.getByRole('table', { name: 'Custom details' })).toContainText('data-platform');
  await expect(card).toContainText(`The integration's key ending in ${routingKey.slice(-4)}`);
  await expect(card).toContainText('Event processed');
  await expectNoAxeViolations(page, 'Delivered result card');
  await keepScreenshot(page, testInfo, 'test-delivered', card);

  records = await simulatorRecords();
  expect(records.map((r) => r.endpoint)).toEqual(['change', 'enqueue']);
  const trigger = records[1]!.body;
  expect(trigger.routing_key).toBe(routingKey);
  expect(trigger.event_action).toBe('trigger');
  expect(trigger.payload).toMatchObject({
    summary: 'Anomaly in Snowflake Prod',
    severity: 'critical',
    custom_details: expect.objectContaining({ team: 'data-platform' }),
  });
  expect(pagerDutySchemaErrors(trigger)).toEqual([]);

  // Save: a reload keeps the step and the successful test, so saving asks nothing.
  await page.reload();
  await expect(wizard.currentStep('Send test')).toBeVisible();
  await wizard.saveAndFinish.click();
  await expect(wizard.confirmDialog).toHaveCount(0);
  await expect(wizard.currentStep('Done')).toBeVisible();
  // The success message shows at the top of the wizard, not in a toast over the summary.
  await expect(page.getByRole('status').filter({ hasText: 'The Flow has been successfully created.' })).toBeVisible();
  await expectNoAxeViolations(page, 'Done step');
  const flows = await api('listFlows');
  expect(flows).toHaveLength(1);
  expect(flows[0]).toMatchObject({
    name: 'Orders freshness',
    actions: [{ tokenized_message: 'Anomaly in {{ datastore_name }}' }],
  });
  await expect(page.getByRole('link', { name: 'PagerDuty integration settings' })).toHaveAttribute(
    'href',
    /\/integrations\/\d+$/,
  );
  await page.getByRole('link', { name: 'Open the flow' }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${flows[0]!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Orders freshness' })).toBeVisible();

  // The wizard's test is the saved action's last test, not "never tested".
  const flowPage = new FlowDetailPage(page);
  await flowPage.editAction(1);
  await expect(flowPage.editor.lastTest).toContainText('Delivered');
  await expect(flowPage.panel.getByText('Last test: never tested.')).toHaveCount(0);
});

test('resuming after a connect does not connect twice, leaving asks first, and an untested save asks to confirm', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('resume'));
  await api('createFlow', { body: { name: 'Existing flow', trigger_type: 'operation', actions: [] } });
  const changeEvents = (await simulatorRecords()).length;
  const wizard = new WizardPage(page);
  await wizard.goto();
  await expect(page.getByText('PagerDuty is connected')).toBeVisible();
  await expect(wizard.createButton).toHaveCount(0);
  await wizard.button('Next: Notification').click();
  await expect(wizard.currentStep('Notification')).toBeVisible();

  // Attach to the existing flow: its trigger decides the tokens.
  await page.getByRole('radio', { name: 'An existing flow' }).check();
  await expect(page.getByRole('combobox', { name: /^Flow\s*\*?$/ })).toContainText('Existing flow');
  await wizard.editor.typeMessage('{{');
  await expect(wizard.editor.tokenList.getByRole('option', { name: /operation_type/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await wizard.editor.message.fill('Operation {{ operation_result }}');

  // Back and forward keep what was entered.
  await wizard.button('Back').click();
  await expect(wizard.currentStep('Connect')).toBeVisible();
  await wizard.button('Next: Notification').click();
  await expect(wizard.editor.message).toHaveValue('Operation {{ operation_result }}');
  await page.goBack();
  await expect(wizard.currentStep('Connect')).toBeVisible();
  await page.goForward();
  await expect(wizard.editor.message).toHaveValue('Operation {{ operation_result }}');

  // Leaving mid-way asks first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
  await expect(wizard.leaveDialog).toBeVisible();
  await wizard.leaveDialog.getByRole('button', { name: 'Stay' }).click();
  await expect(wizard.currentStep('Notification')).toBeVisible();

  await wizard.button('Next: Send test').click();
  await wizard.saveAndFinish.click();
  await expect(wizard.confirmDialog).toContainText('You have not sent a test yet.');
  await wizard.confirmDialog.getByRole('button', { name: 'Save anyway' }).click();
  await expect(wizard.currentStep('Done')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Summary' }).or(page.getByLabel('Summary'))).toContainText('Not tested');

  const flows = await api('listFlows');
  expect(flows[0]?.actions.map((a) => a.tokenized_message)).toEqual(['Operation {{ operation_result }}']);
  expect(await simulatorRecords()).toHaveLength(changeEvents);
});

test('browser Back and Forward out of a half-finished wizard ask first; Stay keeps the address and what was typed', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('history'));
  const wizard = new WizardPage(page);
  await wizard.goto();
  await wizard.button('Next: Notification').click();
  await expect(wizard.currentStep('Notification')).toBeVisible();
  await wizard.flowName.fill('Half-done flow');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
  await wizard.leaveDialog.getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/flows$/);

  // Back into the wizard is never held (what was typed is still there); Forward out of it again is.
  await page.goBack();
  await expect(wizard.currentStep('Notification')).toBeVisible();
  await expect(wizard.flowName).toHaveValue('Half-done flow');
  await page.goForward();
  await expect(wizard.leaveDialog).toBeVisible();
  await wizard.leaveDialog.getByRole('button', { name: 'Stay' }).click();
  await expect(wizard.leaveDialog).toBeHidden();
  await expect(page).toHaveURL(/\/integrations\/pagerduty\/connect\?step=notification/);
  await expect(wizard.flowName).toHaveValue('Half-done flow');

  await page.goForward();
  await wizard.leaveDialog.getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/flows$/);
  await expect(wizard.currentStep('Notification')).toBeHidden();
});
