import type { Page } from '@playwright/test';
import { api, createPagerDutyIntegration, expect, signInAs, simulator, test, validRoutingKey } from './fixtures';
import { SettingsPage } from './pages';
import { FlowDetailPage } from './pages/flow-detail-page';

/**
 * Two tabs edit the same object: the later save does not silently overwrite the earlier one. The server answers 409
 * (the tab sends the `updated` it read as If-Match), and the UI says what changed and offers to reload.
 */

/** The key the server holds: a test without override goes out with it, and says which key it used. */
async function expectStoredKey(last4: string) {
  await simulator.reset();
  const sent = await api('testNotification', {
    body: { type: 'PagerDuty', tokenized_message: 'which key', parameters: { routing_key: null } },
  });
  expect(sent.routing_key_last4).toBe(last4);
}

async function secondTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage();
  await signInAs(tab, 'Manager');
  return tab;
}

async function replaceMessage(flowPage: FlowDetailPage, text: string) {
  await flowPage.editAction(1);
  await expect(flowPage.panel).toBeVisible();
  await flowPage.editor.message.fill(text);
}

test('a flow saved in another tab is not overwritten: the later save is refused and explained', async ({
  managerPage: tabA,
}) => {
  const flow = await api('createFlow', {
    body: {
      name: 'Shared flow',
      trigger_type: 'anomaly',
      actions: [{ type: 'PagerDuty', tokenized_message: 'Original message', parameters: { severity: 'error' } }],
    },
  });
  const a = new FlowDetailPage(tabA);
  await a.goto(flow.id);
  await expect(a.heading('Shared flow')).toBeVisible();

  const tabB = await secondTab(tabA);
  const b = new FlowDetailPage(tabB);
  await b.goto(flow.id);
  await replaceMessage(b, 'Saved first in tab B');
  await b.save();
  await expect(b.panel).toBeHidden();

  await replaceMessage(a, 'Saved later in tab A');
  await a.save();
  const dialog = tabA.getByRole('dialog', { name: 'Changed somewhere else' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'What changed' })).toContainText(
    'Message: “Original message” → “Saved first in tab B”',
  );
  // Nothing was overwritten.
  expect((await api('getFlow', { params: { id: flow.id } })).actions[0]?.tokenized_message).toBe(
    'Saved first in tab B',
  );

  await dialog.getByRole('button', { name: 'Reload' }).click();
  await expect(dialog).toBeHidden();
  // After reloading, tab A works from tab B's version and can save on top of it.
  await a.page.keyboard.press('Escape');
  await replaceMessage(a, 'Saved on top in tab A');
  await a.save();
  await expect(a.panel).toBeHidden();
  expect((await api('getFlow', { params: { id: flow.id } })).actions[0]?.tokenized_message).toBe(
    'Saved on top in tab A',
  );
});

test('a key rotated in another tab is not replaced by a stale tab', async ({ managerPage: tabA }) => {
  const integration = await createPagerDutyIntegration(validRoutingKey('shared'));
  const a = new SettingsPage(tabA);
  await a.goto(integration.id as number);
  await expect(a.configured).toBeVisible();

  const tabB = await secondTab(tabA);
  const b = new SettingsPage(tabB);
  await b.goto(integration.id as number);
  await b.rotateKey(validRoutingKey('tabb').replace(/.{4}$/, 'TABB'));
  await expect(tabB.getByText('The Integration has been successfully updated')).toBeVisible();

  await a.rotateKey(validRoutingKey('taba').replace(/.{4}$/, 'TABA'));
  // The same conflict dialog as for flows, with a way to load what the other tab saved; what was typed stays.
  const conflict = tabA.getByRole('dialog', { name: 'Changed somewhere else' });
  await expect(conflict).toContainText('Reload keeps what you typed here');
  await expect(a.newRoutingKey).toHaveValue(/TABA$/);
  await expectStoredKey('TABB');

  // Based on the version loaded now, tab A's key can be saved on top.
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(conflict).toBeHidden();
  await a.updateButton.click();
  await expect(tabA.getByText('The Integration has been successfully updated')).toBeVisible();
  await expectStoredKey('TABA');
});
