import type { Locator, Page } from '@playwright/test';

export class SignInPage {
  readonly heading: Locator;
  readonly tokenInput: Locator;
  readonly submitButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
    this.tokenInput = page.getByLabel('API token');
    this.submitButton = page.getByRole('button', { name: 'Sign in' });
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  }

  async signIn(token: string) {
    await this.tokenInput.fill(token);
    await this.submitButton.click();
  }

  async toggleReveal() {
    await this.page.getByRole('button', { name: /^(Show|Hide) token$/ }).click();
  }
}
