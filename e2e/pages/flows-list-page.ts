import type { Locator, Page } from '@playwright/test';

/** `/flows`: the flows table and the Create flow dialog. */
export class FlowsListPage {
  readonly table: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Flows' });
    this.createButton = page.getByRole('button', { name: 'Create flow' });
    this.dialog = page.getByRole('dialog', { name: 'Create flow' });
  }

  async goto() {
    await this.page.goto('/flows');
  }

  async createFlow(name: string, trigger: string) {
    await this.createButton.click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Trigger type').selectOption({ label: trigger });
    await this.dialog.getByRole('button', { name: 'Create' }).click();
  }
}
