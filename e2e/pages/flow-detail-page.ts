import type { Locator, Page } from '@playwright/test';
import { ActionEditor } from './action-editor';

/** `/flows/<id>`: a flow's PagerDuty actions and the "PagerDuty notification" side panel. */
export class FlowDetailPage {
  readonly addActionButton: Locator;
  readonly actions: Locator;
  readonly panel: Locator;
  readonly editor: ActionEditor;
  readonly saveButton: Locator;
  /** The calm banner of a failed background refresh (the page itself stays). */
  readonly refreshFailed: Locator;
  /** Said in the panel when it reopens with unsaved changes kept from before. */
  readonly keptNotice: Locator;

  constructor(readonly page: Page) {
    this.addActionButton = page.getByRole('button', { name: 'Add PagerDuty action' });
    this.actions = page.getByRole('list', { name: 'PagerDuty actions' });
    this.panel = page.getByRole('dialog', { name: 'PagerDuty notification' });
    this.editor = new ActionEditor(page, this.panel);
    this.saveButton = this.panel.getByRole('button', { name: 'Save' });
    // By text: behind the open (modal) panel the banner is outside the accessibility tree.
    this.refreshFailed = page.getByText('Could not refresh this page');
    this.keptNotice = this.panel.getByText('Your unsaved changes to this action were kept.');
  }

  async goto(id: number) {
    await this.page.goto(`/flows/${id}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  action(n: number): Locator {
    return this.actions.getByRole('listitem', { name: `PagerDuty action ${n}` });
  }

  async editAction(n: number) {
    await this.page.getByRole('button', { name: `Edit PagerDuty action ${n}` }).click();
  }

  async save() {
    await this.saveButton.click();
  }
}
