import type { Locator, Page } from '@playwright/test';

/** The app bar around every signed-in page. */
export class AppShell {
  readonly nav: Locator;
  readonly signOutButton: Locator;
  readonly user: Locator;
  readonly bar: Locator;
  /** The compact bar's disclosure button (narrow screens, high zoom). */
  readonly menuButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.user = page.getByRole('group', { name: 'Signed in user' });
    this.bar = page.getByRole('banner');
    this.menuButton = page.getByRole('button', { name: 'Menu' });
  }

  navLink(name: 'Integrations' | 'Flows'): Locator {
    return this.nav.getByRole('link', { name });
  }

  async chooseTheme(mode: 'Light' | 'Dark' | 'System') {
    await this.page.getByRole('button', { name: `${mode} theme` }).click();
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
