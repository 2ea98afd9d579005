import {
  api,
  createFlowWithPagerDutyAction,
  createPagerDutyIntegration,
  expect,
  test,
  validRoutingKey,
} from './fixtures';
import { FlowDetailPage } from './pages/flow-detail-page';

// Retries of a failed refresh take a few seconds on purpose; a shared machine adds more.
test.describe.configure({ timeout: 90_000 });

test('an edit survives the server going away, a failed refresh and a reload, and is saved once it is back', async ({
  managerPage: page,
}) => {
  await createPagerDutyIntegration(validRoutingKey('kept'));
  const flow = await createFlowWithPagerDutyAction('Kept edits');
  const override = validRoutingKey('keptover');
  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flow.id);
  await flowPage.editAction(1);
  const { editor } = flowPage;
  await editor.message.fill('Edited while offline');
  await editor.typeOverride(override);

  // The server stops: the test fails, the flow's refresh (asked for by the test) fails too.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await editor.sendTest();
  await expect(editor.result).toContainText(/Cannot reach the server/);
  await expect(flowPage.refreshFailed).toBeVisible({ timeout: 20_000 });
  // The page and the form stay, with what was typed.
  await expect(page.getByText('The flow could not be loaded')).toHaveCount(0);
  await expect(flowPage.panel).toBeVisible();
  await expect(editor.message).toHaveValue('Edited while offline');
  await expect(editor.override).toHaveValue(override);

  // Back, and a reload: the edit opens again, except the key, which never goes into the browser's storage.
  await page.unroute('**/api/**');
  await page.reload();
  await expect(flowPage.panel).toBeVisible();
  await expect(flowPage.keptNotice).toBeVisible();
  await expect(flowPage.panel.getByText('Type the Routing Key Override again')).toBeVisible();
  await expect(editor.message).toHaveValue('Edited while offline');
  await expect(editor.override).toHaveValue('');
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(override);

  await flowPage.save();
  await expect(flowPage.panel).toBeHidden();
  const saved = await api('getFlow', { params: { id: flow.id } });
  expect(saved.actions.map((a) => a.tokenized_message)).toEqual(['Edited while offline']);

  // Saved: nothing is kept any more, so a reload opens no panel.
  await page.reload();
  await expect(flowPage.heading('Kept edits')).toBeVisible();
  await expect(flowPage.panel).toBeHidden();
});
