import type { Locator, Page } from '@playwright/test';

/** `/deliveries`: the delivery log, its filters and a delivery's detail dialog. */
export class DeliveriesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly status: Locator;
  readonly kind: Locator;
  readonly flow: Locator;
  readonly time: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Delivery log' });
    this.table = page.getByRole('table', { name: 'Deliveries' });
    this.status = page.getByLabel('Status');
    this.kind = page.getByLabel('Kind');
    this.flow = page.getByLabel('Flow', { exact: true });
    this.time = page.getByLabel('Time');
    this.detail = page.getByRole('dialog', { name: /delivery #\d+$/ });
  }

  async goto(search = '') {
    await this.page.goto(`/deliveries${search}`);
  }

  /** The button that opens a row, e.g. `rowButton('Trigger')` for the newest trigger. */
  rowButton(kind: 'Trigger' | 'Test' | 'Key check' | 'Resolve' | 'Acknowledge'): Locator {
    return this.table.getByRole('button', { name: new RegExp(`^Open ${kind} delivery #`) }).first();
  }

  detailButton(name: 'Retry now' | 'Acknowledge' | 'Resolve' | 'Close'): Locator {
    return this.detail.getByRole('button', { name, exact: true });
  }
}
