import type { Locator, Page } from '@playwright/test';

export class DisconnectDialog {
  readonly dialog: Locator;
  readonly affectedFlows: Locator;
  readonly confirmButton: Locator;
  readonly cancelButton: Locator;

  constructor(
    readonly page: Page,
    label = 'PagerDuty',
  ) {
    this.dialog = page.getByRole('dialog', { name: `Disconnect ${label}?` });
    this.affectedFlows = this.dialog.getByRole('list', { name: 'Affected Flows' });
    this.confirmButton = this.dialog.getByRole('button', { name: 'Disconnect' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async confirm() {
    await this.confirmButton.click();
  }
}
