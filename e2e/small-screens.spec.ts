import type { Locator, Page, TestInfo } from '@playwright/test';
import {
  createFlowWithPagerDutyAction,
  createPagerDutyIntegration,
  expect,
  expectNoAxeViolations,
  keepViewport,
  test,
  validRoutingKey,
} from './fixtures';
import { AppShell } from './pages';
import { FlowDetailPage } from './pages/flow-detail-page';
import { WizardPage } from './pages/wizard-page';

// Run by the `phone` (390×844) and `zoom-200` (1366×900 at 200%: 683×450) projects only (playwright.config.ts).
test.describe.configure({ timeout: 120_000 });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  expect(found, 'the element is laid out').not.toBeNull();
  return found!;
}

/**
 * What the user sees now, named by project. The `readme` views become the README's copies with UPDATE_SCREENSHOTS=1
 * (see fixtures/screenshots.ts); the rest stay with the test results.
 */
async function keepView(page: Page, testInfo: TestInfo, name: string, { readme = false } = {}) {
  const named = `${testInfo.project.name}-${name}`;
  if (readme) return keepViewport(page, testInfo, named);
  const path = testInfo.outputPath(`${named}.png`);
  await page.screenshot({ path });
  await testInfo.attach(named, { path, contentType: 'image/png' });
}

/** The bar is one short row with a menu button; the navigation waits in the menu. */
async function expectCompactBar(shell: AppShell) {
  await expect(shell.menuButton).toBeVisible();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.nav).toBeHidden();
  expect((await box(shell.bar)).height).toBeLessThanOrEqual(64);
}

/** Once smooth scrolling settles, the element's top is on screen and nothing (the sticky bar) lies over it. */
async function expectUncovered(page: Page, target: Locator) {
  await expect
    .poll(
      () =>
        target.evaluate((element) => {
          const { top, left, width } = element.getBoundingClientRect();
          if (top < 0 || top > window.innerHeight) return 'off screen';
          const hit = document.elementFromPoint(left + width / 2, top + 4);
          return hit && element.contains(hit)
            ? 'visible'
            : `covered by ${hit?.closest('header') ? 'the app bar' : hit?.tagName}`;
        }),
      { message: 'the scrolled-to result is not under anything' },
    )
    .toBe('visible');
}

test('the setup wizard on a small screen: compact bar, messages that cover nothing, a result clear of the bar', async ({
  managerPage: page,
}, testInfo) => {
  const shell = new AppShell(page);
  const wizard = new WizardPage(page);
  await wizard.goto();
  await expect(wizard.routingKey).toBeVisible();
  await expectCompactBar(shell);
  await expectNoAxeViolations(page, 'Connect step');

  await wizard.routingKey.fill(validRoutingKey('small'));
  await wizard.createButton.click();
  await expect(wizard.currentStep('Notification')).toBeVisible();
  // The success message is part of the page, not a toast over the fields of the next step.
  await expect(
    page.getByRole('status').filter({ hasText: 'The Integration has been successfully created.' }),
  ).toBeVisible();
  await expect(page.locator('.MuiSnackbar-root')).toHaveCount(0);

  const { editor } = wizard;
  await wizard.flowName.fill('Small screens');
  await editor.message.fill('Anomaly in {{ datastore_name }}');
  await editor.chooseSeverity('Critical');
  await expect(editor.preview).toContainText('Anomaly in Snowflake Prod');
  await expectNoAxeViolations(page, 'Notification step');
  await keepView(page, testInfo, 'wizard-notification');

  await wizard.button('Next: Send test').click();
  await expect(wizard.currentStep('Send test')).toBeVisible();
  await expectNoAxeViolations(page, 'Send test step');
  await editor.sendTest();
  await expect(editor.result).toContainText('Delivered');
  await expectUncovered(page, editor.result);
  await keepView(page, testInfo, 'wizard-test-result', { readme: true });
  await expectNoAxeViolations(page, 'Delivered result');

  await wizard.saveAndFinish.click();
  await expect(wizard.currentStep('Done')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The Flow has been successfully created' })).toBeVisible();
  await expect(page.locator('.MuiSnackbar-root')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Done step');
});

test('the action panel on a small screen: the menu, the panel, a result in view and a toast over the bar only', async ({
  managerPage: page,
}, testInfo) => {
  await createPagerDutyIntegration(validRoutingKey('smallp'));
  const flow = await createFlowWithPagerDutyAction('Small panel');
  const shell = new AppShell(page);
  const flowPage = new FlowDetailPage(page);
  await flowPage.goto(flow.id);
  await expect(flowPage.heading('Small panel')).toBeVisible();
  // The name keeps its words whole beside the Execute and Delete buttons: they wrap below it, not the name.
  const heading = flowPage.heading('Small panel');
  const lineHeight = await heading.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  expect((await box(heading)).height).toBeLessThanOrEqual(lineHeight * 1.5);
  await expectCompactBar(shell);
  await expectNoAxeViolations(page, 'Flow page');

  // The menu opens below the bar, holds the navigation, and Escape closes it back onto its button.
  await shell.menuButton.click();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.navLink('Flows')).toBeVisible();
  await expect(shell.signOutButton).toBeVisible();
  await expectNoAxeViolations(page, 'Open menu');
  await keepView(page, testInfo, 'menu-open', { readme: true });
  await page.keyboard.press('Escape');
  await expect(shell.nav).toBeHidden();
  await expect(shell.menuButton).toBeFocused();

  await flowPage.editAction(1);
  await expect(flowPage.panel).toBeVisible();
  const { editor } = flowPage;
  await editor.chooseSeverity('Critical');
  await expectNoAxeViolations(page, 'Action panel');
  await editor.sendTest();
  await expect(editor.result).toContainText('Delivered');
  await expectUncovered(page, editor.result);
  await keepView(page, testInfo, 'panel-test-result');
  await expectNoAxeViolations(page, 'Action panel with its result');

  await flowPage.save();
  await expect(flowPage.panel).toBeHidden();
  const toast = page.getByRole('alert').filter({ hasText: 'The Flow has been successfully updated' });
  await expect(toast).toBeVisible();
  // Over the compact bar, never over the page: whatever of the page shows below the bar stays uncovered.
  const toastBox = await box(toast);
  const bar = await box(shell.bar);
  expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(bar.y + bar.height);
  const belowBar = { x: 0, y: bar.y + bar.height, width: bar.width, height: 10_000 };
  for (const part of [flowPage.heading('Small panel'), flowPage.actions, flowPage.action(1).getByRole('button')]) {
    for (const element of await part.all()) {
      const shown = await box(element);
      if (overlaps(shown, belowBar)) expect(overlaps(toastBox, shown)).toBe(false);
    }
  }
  await keepView(page, testInfo, 'toast');
  await expectNoAxeViolations(page, 'Flow page with its toast');
});
