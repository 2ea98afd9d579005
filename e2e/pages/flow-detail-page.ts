import type { Locator, Page } from '@playwright/test';
import { ActionEditor } from './action-editor';

/** `/flows/<id>`: a flow's PagerDuty actions and the "PagerDuty notification" side panel. */
export class FlowDetailPage {
  readonly addActionButton: Locator;
  readonly actions: Locator;
  readonly panel: Locator;
  readonly editor: ActionEditor;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.addActionButton = page.getByRole('button', { name: 'Add PagerDuty action' });
    this.actions = page.getByRole('list', { name: 'PagerDuty actions' });
    this.panel = page.getByRole('dialog', { name: 'PagerDuty notification' });
    this.editor = new ActionEditor(page, this.panel);
    this.saveButton = this.panel.getByRole('button', { name: 'Save' });
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
