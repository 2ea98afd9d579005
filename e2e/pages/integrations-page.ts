import type { Locator, Page } from '@playwright/test';

export class IntegrationsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Integrations' });
  }

  async goto() {
    await this.page.goto('/integrations');
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  status(name: string, status: 'Connected' | 'Not connected' | 'Coming soon'): Locator {
    return this.card(name).getByText(status, { exact: true });
  }

  async connect(name: string) {
    await this.card(name)
      .getByRole('link', { name: `Connect ${name}` })
      .click();
  }

  async openMenu(name: string) {
    await this.card(name)
      .getByRole('button', { name: `${name} actions` })
      .click();
  }

  async edit(name: string) {
    await this.openMenu(name);
    await this.page.getByRole('menuitem', { name: 'Edit' }).click();
  }

  async disconnect(name: string) {
    await this.openMenu(name);
    await this.page.getByRole('menuitem', { name: 'Disconnect' }).click();
  }
}
