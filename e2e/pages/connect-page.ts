import type { Locator, Page } from '@playwright/test';

/** The Connect step (`/integrations/<type>/connect`). */
export class ConnectPage {
  readonly routingKey: Locator;
  readonly createButton: Locator;
  readonly validating: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.routingKey = page.getByLabel(/^Routing Key/);
    // "Create" on its own page (as in the platform), "Connect" in the wizard's first step.
    this.createButton = page.getByRole('button', { name: /^(Create|Connect)$/ });
    this.validating = page.getByText('Validating the routing key with PagerDuty…');
    this.help = page.getByRole('note', { name: 'Where to find the Routing Key' });
  }

  /** A heading of its own page, or of the wizard's first step. */
  heading(label = 'PagerDuty'): Locator {
    return this.page.getByRole('heading', { name: `Add ${label} integration` });
  }

  async goto(type = 'pagerduty') {
    await this.page.goto(`/integrations/${type}/connect`);
  }

  async connect(routingKey: string) {
    await this.routingKey.fill(routingKey);
    await this.createButton.click();
  }
}
