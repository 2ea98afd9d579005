import type { Locator, Page } from '@playwright/test';
import { ActionEditor } from './action-editor';

/** The setup wizard at `/integrations/pagerduty/connect`: Connect -> Notification -> Send test -> Done. */
export class WizardPage {
  readonly steps: Locator;
  readonly stepHeading: Locator;
  readonly routingKey: Locator;
  readonly createButton: Locator;
  readonly editor: ActionEditor;
  readonly flowName: Locator;
  readonly triggerType: Locator;
  readonly saveAndFinish: Locator;
  readonly confirmDialog: Locator;
  readonly leaveDialog: Locator;

  constructor(readonly page: Page) {
    this.steps = page.getByRole('list', { name: 'Setup steps' });
    this.stepHeading = page.getByRole('heading', { level: 2, name: /^Step \d of 4/ });
    this.routingKey = page.getByLabel(/^Routing Key/);
    this.createButton = page.getByRole('button', { name: 'Connect', exact: true });
    const section = page.getByRole('region', { name: /^Step \d of 4/ });
    this.editor = new ActionEditor(page, section);
    this.flowName = page.getByLabel('Flow name');
    this.triggerType = page.getByLabel('Trigger type');
    this.saveAndFinish = page.getByRole('button', { name: 'Save and finish' });
    this.confirmDialog = page.getByRole('dialog', { name: 'Save without a successful test?' });
    this.leaveDialog = page.getByRole('dialog', { name: 'Leave the PagerDuty setup?' });
  }

  async goto(step?: 'connect' | 'notification' | 'test' | 'done') {
    await this.page.goto(`/integrations/pagerduty/connect${step ? `?step=${step}` : ''}`);
  }

  currentStep(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: new RegExp(`^Step \\d of 4: ${name}$`) });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
