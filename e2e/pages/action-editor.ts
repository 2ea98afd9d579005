import type { Locator, Page } from '@playwright/test';

/** The PagerDuty action editor, in the flow's side panel or in the wizard's Notification step. */
export class ActionEditor {
  readonly message: Locator;
  readonly tokenList: Locator;
  readonly severity: Locator;
  readonly details: Locator;
  readonly override: Locator;
  readonly keyLine: Locator;
  readonly preview: Locator;
  readonly sendTestButton: Locator;
  readonly result: Locator;
  readonly lastTest: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {
    this.message = root.getByRole('combobox', { name: 'Message' });
    this.tokenList = root.getByRole('listbox');
    this.severity = root.getByLabel('Severity', { exact: true });
    this.details = root.getByRole('group', { name: 'Additional Details' });
    this.override = root.getByLabel(/^(New )?Routing Key Override$/);
    this.keyLine = root.getByText(/^Events (go to|would use)/);
    this.preview = root.getByRole('region', { name: 'Event preview' });
    this.sendTestButton = root.getByRole('button', { name: 'Send test' });
    this.result = root.getByRole('region', { name: 'Test result' });
    this.lastTest = root.getByRole('group', { name: 'Last test' });
  }

  /** Types a message; `{{` opens the token list, which the keyboard can use. */
  async typeMessage(text: string) {
    await this.message.click();
    await this.message.pressSequentially(text);
  }

  async chooseSeverity(label: 'Info' | 'Warning' | 'Error' | 'Critical') {
    await this.severity.selectOption({ label });
  }

  async addDetail(key: string, value: string) {
    await this.details.getByRole('button', { name: 'Add row' }).click();
    const keys = this.details.getByRole('textbox', { name: /^Key \d+$/ });
    const index = (await keys.count()) - 1;
    // Typed key by key, as a person would: renaming must never lose focus.
    await keys.nth(index).click();
    await this.page.keyboard.type(key);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(value);
  }

  async typeOverride(key: string) {
    await this.override.fill(key);
  }

  async sendTest() {
    await this.sendTestButton.click();
  }
}
