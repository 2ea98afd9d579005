import type { Locator, Page } from '@playwright/test';

/** An integration's settings (`/integrations/<id>`). */
export class SettingsPage {
  readonly configured: Locator;
  readonly replaceButton: Locator;
  readonly keepCurrentButton: Locator;
  readonly newRoutingKey: Locator;
  readonly updateButton: Locator;
  readonly disconnectButton: Locator;

  constructor(readonly page: Page) {
    this.configured = page.getByText('Configured', { exact: true });
    this.replaceButton = page.getByRole('button', { name: 'Replace Routing Key' });
    this.keepCurrentButton = page.getByRole('button', { name: 'Keep current' });
    this.newRoutingKey = page.getByLabel(/^New Routing Key/);
    this.updateButton = page.getByRole('button', { name: 'Update' });
    this.disconnectButton = page.getByRole('button', { name: 'Disconnect' });
  }

  heading(label = 'PagerDuty'): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Edit ${label} integration` });
  }

  async goto(id: number) {
    await this.page.goto(`/integrations/${id}`);
  }

  async rotateKey(newKey: string) {
    await this.replaceButton.click();
    await this.newRoutingKey.fill(newKey);
    await this.updateButton.click();
  }
}
