import type { Locator, Page } from '@playwright/test';

/** The flow page's Execute button, its confirmation and the Executions list. */
export class FlowExecutions {
  readonly executeButton: Locator;
  readonly confirmDialog: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.executeButton = page.getByRole('button', { name: 'Execute', exact: true });
    this.confirmDialog = page.getByRole('dialog', { name: /^Execute “.*” now\?$/ });
    this.list = page.getByRole('list', { name: 'Executions' });
  }

  async execute() {
    await this.executeButton.click();
    await this.confirmDialog.getByRole('button', { name: /^Execute and open/ }).click();
  }

  latest(): Locator {
    return this.list.getByRole('listitem').first();
  }
}
