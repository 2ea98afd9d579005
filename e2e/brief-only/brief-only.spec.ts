import { expect, test as base } from '@playwright/test';
import { ConnectPage, DisconnectDialog, IntegrationsPage, SettingsPage } from '../pages';
import { DeliveriesPage } from '../pages/deliveries-page';
import { briefOnlyEnv } from './env';

// The console pointed at a platform with only the brief's endpoints (`e2e/brief-only/server.ts`).
const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript((token) => {
      if (!window.sessionStorage.getItem('qualytics.session'))
        window.sessionStorage.setItem('qualytics.session', token);
    }, briefOnlyEnv.managerToken);
    await use(page);
  },
});
test.describe.configure({ timeout: 120_000 });

const key = (seed: string) => `${seed}${'k'.repeat(32)}`.slice(0, 32);

test('integrations, connect, settings, rotate and disconnect work; the rest says calmly it is not offered', async ({
  page,
}) => {
  const catalog = new IntegrationsPage(page);
  await catalog.goto();
  await expect(catalog.status('PagerDuty', 'Not connected')).toBeVisible();
  await catalog.connect('PagerDuty');
  const connect = new ConnectPage(page);
  await connect.connect(key('brief'));
  await expect(page.getByText('The Integration has been successfully created.')).toBeVisible();

  await catalog.goto();
  await expect(catalog.status('PagerDuty', 'Connected')).toBeVisible();
  // No health from this server: the card shows none rather than a guess.
  await expect(catalog.card('PagerDuty').getByRole('status', { name: 'Delivery health' })).toHaveCount(0);
  await catalog.edit('PagerDuty');

  const settings = new SettingsPage(page);
  await expect(settings.heading()).toBeVisible();
  const delivery = page.getByRole('region', { name: 'Delivery' });
  await expect(delivery.getByText('This server does not offer delivery health.')).toBeVisible();
  await expect(delivery.getByText('This server does not offer the delivery log.')).toBeVisible();
  await delivery.getByRole('button', { name: 'Verify key' }).click();
  await expect(delivery.getByText('This server does not offer key verification.')).toBeVisible();
  await settings.rotateKey(key('rotated'));
  await expect(page.getByText('The Integration has been successfully updated')).toBeVisible();

  const log = new DeliveriesPage(page);
  await log.goto();
  await expect(log.heading).toBeVisible();
  await expect(page.getByText('This server does not offer a delivery log.')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.goto('/flows/1');
  await expect(page.getByRole('heading', { level: 1, name: 'Flow not found' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await settings.goto(1);
  await settings.disconnectButton.click();
  await new DisconnectDialog(page).confirm();
  await expect(page.getByText('The Integration has been successfully disconnected')).toBeVisible();
  await expect(catalog.status('PagerDuty', 'Not connected')).toBeVisible();
});
